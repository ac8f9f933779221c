package ir.tehran.womenfamily.support.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * The connection's security comes from the configuration (the environment on Kubernetes), the same for every client
 * made by {@link KafkaClients}; without it the clients stay plain text, as on the local stack.
 */
class KafkaClientsTest {

    /** What deploy/k8s sets in each service's Deployment: TLS with the user's certificate. */
    private static final Map<String, String> KUBERNETES_ENV = Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", "events-kafka-bootstrap:9093",
        "KAFKA_SECURITY_PROTOCOL", "SSL",
        "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/women-family/kafka/cluster-ca/ca.crt",
        "KAFKA_SSL_KEYSTORE_TYPE", "PKCS12",
        "KAFKA_SSL_KEYSTORE_LOCATION", "/etc/women-family/kafka/user/user.p12",
        "KAFKA_SSL_KEYSTORE_PASSWORD", "from-the-user-secret",
        // not Kafka client settings: left out
        "KAFKA_HOME", "/opt/kafka",
        "JAVA_TOOL_OPTIONS", "-Xmx1g");

    private static final Map<String, String> EXPECTED_TLS = Map.of(
        "security.protocol", "SSL",
        "ssl.truststore.type", "PEM",
        "ssl.truststore.location", "/etc/women-family/kafka/cluster-ca/ca.crt",
        "ssl.keystore.type", "PKCS12",
        "ssl.keystore.location", "/etc/women-family/kafka/user/user.p12",
        "ssl.keystore.password", "from-the-user-secret");

    @Test
    void withoutSecuritySettingsEveryClientStaysPlainText() {
        KafkaClients clients = clients(Map.of(), Map.of("kafka.bootstrap.servers", "127.0.0.1:9092",
            "quarkus.kafka.health.enabled", "false"));
        for (Properties p : List.of(clients.producer("p"), clients.consumer("g"), clients.admin())) {
            assertEquals(Set.of(), securityKeys(p), p.toString());
            assertEquals("127.0.0.1:9092", p.get("bootstrap.servers"));
        }
    }

    @Test
    void theEnvironmentGivesEveryClientTlsWithTheUsersCertificate() {
        KafkaClients clients = clients(KUBERNETES_ENV, Map.of("kafka.bootstrap.servers", "127.0.0.1:9092"));
        Map<String, Properties> made = Map.of("producer", clients.producer("registry-outbox-relay"),
            "consumer", clients.consumer("sponsorship-registry"), "admin", clients.admin());
        made.forEach((kind, p) -> {
            for (Map.Entry<String, String> e : EXPECTED_TLS.entrySet()) {
                assertEquals(e.getValue(), p.get(e.getKey()), kind + " " + e.getKey());
            }
            assertEquals(EXPECTED_TLS.keySet(), securityKeys(p), kind);
            assertEquals("events-kafka-bootstrap:9093", p.get("bootstrap.servers"), kind);
        });
        // each key is one the Kafka client knows, so none is dropped with a warning
        assertTrue(ProducerConfig.configNames().containsAll(EXPECTED_TLS.keySet()));
        assertTrue(ConsumerConfig.configNames().containsAll(EXPECTED_TLS.keySet()));
        assertTrue(AdminClientConfig.configNames().containsAll(EXPECTED_TLS.keySet()));
    }

    @Test
    void saslSettingsInTheFileAreTakenAndTheEnvironmentOverridesThem() {
        KafkaClients clients = clients(Map.of("KAFKA_SASL_JAAS_CONFIG", "from-the-environment"), Map.of(
            "kafka.bootstrap.servers", "broker:9094",
            "kafka.security.protocol", "SASL_SSL",
            "kafka.sasl.mechanism", "SCRAM-SHA-512",
            "kafka.sasl.jaas.config", "from-the-file",
            "kafka.compression.type", "zstd"));
        Properties p = clients.consumer("g");
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals("from-the-environment", p.get("sasl.jaas.config"));
        assertEquals(Set.of("security.protocol", "sasl.mechanism", "sasl.jaas.config"), securityKeys(p));
        assertEquals(null, p.get("compression.type"), "only security settings are passed through");
    }

    @Test
    void anEmptyValueCountsAsAbsent() {
        KafkaClients clients = clients(Map.of("KAFKA_SECURITY_PROTOCOL", ""),
            Map.of("kafka.bootstrap.servers", "127.0.0.1:9092"));
        assertEquals(Set.of(), securityKeys(clients.producer("p")));
    }

    @Test
    void securityKeysMapBackFromTheEnvironmentForm() {
        assertEquals("ssl.keystore.location", KafkaClients.securityKey("KAFKA_SSL_KEYSTORE_LOCATION"));
        assertEquals("ssl.keystore.location", KafkaClients.securityKey("kafka.ssl.keystore.location"));
        assertEquals("security.protocol", KafkaClients.securityKey("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("sasl.jaas.config", KafkaClients.securityKey("KAFKA_SASL_JAAS_CONFIG"));
        assertEquals(null, KafkaClients.securityKey("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(null, KafkaClients.securityKey("quarkus.kafka.health.enabled"));
        assertEquals(null, KafkaClients.securityKey("kafka.sslx"));
    }

    private static KafkaClients clients(Map<String, String> env, Map<String, String> file) {
        KafkaClients clients = new KafkaClients();
        clients.config = new SmallRyeConfigBuilder()
            .withSources(new EnvConfigSource(env, 300), new PropertiesConfigSource(file, "application.properties", 250))
            .build();
        clients.bootstrapServers = clients.config.getValue("kafka.bootstrap.servers", String.class);
        return clients;
    }

    private static Set<String> securityKeys(Properties p) {
        return p.stringPropertyNames().stream()
            .filter(k -> k.equals("security.protocol") || k.startsWith("ssl.") || k.startsWith("sasl."))
            .collect(Collectors.toSet());
    }
}
