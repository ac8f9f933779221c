package ir.tehran.womenfamily.support.events;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Client settings for the plain kafka-clients API, in one place.
 *
 * <p>How a client reaches the broker securely is the deployment's choice, not the code's: every
 * {@code kafka.security.protocol}, {@code kafka.ssl.*} and {@code kafka.sasl.*} setting (in
 * {@code application.properties}, or in the environment as {@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...) is given, without its {@code kafka.} prefix, to every producer,
 * consumer and admin client made here. Without any, the clients speak plain text, as on the local stack's loopback
 * broker. On Kubernetes the Deployments set TLS with a client certificate (see {@code deploy/k8s/README.md}).
 */
@ApplicationScoped
public class KafkaClients {

    private static final String PREFIX = "kafka.";
    private static final String ENV_PREFIX = "KAFKA_";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Config config;

    /** Idempotent, {@code acks=all}: a retried send never duplicates or reorders within a partition. */
    public Properties producer(String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.putAll(security());
        return p;
    }

    /**
     * Offsets are committed by hand, after the database commit of each event's effect. A member that stops
     * heartbeating (killed, frozen) is out of its group after 10 s instead of Kafka's default 45 s, so its
     * partitions move to the others (or to its restarted self) that much sooner; the heartbeat thread runs
     * apart from the processing, so a long batch does not count against it.
     */
    public Properties consumer(String groupId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // a poll brings at least a whole group of events.consumer.batch-size (applied in one transaction)
        int group = config.getOptionalValue("events.consumer.batch-size", Integer.class).orElse(100);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(Math.max(100, group)));
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.putAll(security());
        return p;
    }

    public Properties admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.putAll(security());
        return p;
    }

    /**
     * The connection's security settings, by Kafka client key ({@code ssl.truststore.location}): each
     * {@code kafka.security.protocol}, {@code kafka.ssl.*} and {@code kafka.sasl.*} key that some configuration
     * source names, in its dotted form or its environment form, with the value the configuration resolves for it
     * (the environment wins over the file). An empty value counts as absent.
     */
    Map<String, String> security() {
        Map<String, String> settings = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            String key = securityKey(name);
            if (key != null) {
                config.getOptionalValue(PREFIX + key, String.class).ifPresent(v -> settings.put(key, v));
            }
        }
        return settings;
    }

    /**
     * The Kafka client key a configuration property sets when it is a security setting, else null:
     * {@code kafka.ssl.keystore.location} and {@code KAFKA_SSL_KEYSTORE_LOCATION} both give
     * {@code ssl.keystore.location} (Kafka's own keys have only dots, so the environment form maps back without
     * ambiguity).
     */
    static String securityKey(String propertyName) {
        String key;
        if (propertyName.startsWith(PREFIX)) {
            key = propertyName.substring(PREFIX.length());
        } else if (propertyName.startsWith(ENV_PREFIX)) {
            key = propertyName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        } else {
            return null;
        }
        return key.equals("security.protocol") || key.startsWith("ssl.") || key.startsWith("sasl.") ? key : null;
    }
}
