package ir.tehran.womenfamily.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Deployments speak the services' configuration: the container port is the service's {@code quarkus.http.port},
 * and every environment variable a Deployment sets is one the service reads — an environment reference
 * ({@code ${JWT_ISSUER:…}}) in its {@code application.properties}, the environment form of a key that the file or
 * (for the gateway) its README's configuration table names, or one of the few Quarkus keys listed here. A misspelt
 * variable is otherwise silently ignored and the service runs on its defaults.
 */
class ServiceConfigurationTest {

    /** Quarkus' own keys the Deployments set that need not appear in a service's file. */
    private static final Set<String> QUARKUS_KEYS = Set.of("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
        "quarkus.datasource.password", "quarkus.http.proxy.proxy-address-forwarding",
        "quarkus.http.proxy.allow-x-forwarded", "quarkus.http.proxy.trusted-proxies");

    /** Read by the JVM, not by the application. */
    private static final Set<String> JVM = Set.of("JAVA_TOOL_OPTIONS");

    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern README_KEY = Pattern.compile("`(gateway\\.[a-z0-9.-]+)`");

    private static final List<String> APPS = List.of("registry-service", "bazaar-service", "sponsorship-service",
        "notification-service", "gateway");

    @ParameterizedTest
    @ValueSource(strings = {"single-node", "production"})
    void deploymentsSetOnlyWhatTheServicesRead(String overlay) throws IOException {
        List<ObjectNode> objects = K8sTree.render(overlay);
        Set<String> readBySome = new HashSet<>();
        for (String app : APPS) {
            Properties properties = properties(app);
            Set<String> known = known(app, properties);
            readBySome.addAll(known);
            JsonNode container = objects.stream()
                .filter(o -> "Deployment".equals(o.path("kind").asText())
                    && app.equals(o.at("/metadata/name").asText()))
                .findFirst().orElseThrow()
                .at("/spec/template/spec/containers/0");
            assertEquals(properties.getProperty("quarkus.http.port"), container.at("/ports/0/containerPort").asText(),
                app + " port");
            for (JsonNode env : container.path("env")) {
                String name = env.path("name").asText();
                assertTrue(known.contains(name) || isKafkaSecuritySetting(name),
                    app + " (" + overlay + ") sets " + name + ", which it does not read");
                JsonNode keyRef = env.at("/valueFrom/configMapKeyRef/key");
                if (!keyRef.isMissingNode()) {
                    readBySome.add(keyRef.asText());
                }
            }
        }
        JsonNode config = objects.stream()
            .filter(o -> "ConfigMap".equals(o.path("kind").asText())
                && "women-family-config".equals(o.at("/metadata/name").asText()))
            .findFirst().orElseThrow();
        config.path("data").fieldNames().forEachRemaining(key -> assertTrue(readBySome.contains(key),
            "women-family-config." + key + " is read by no service"));
    }

    @Test
    void kafkaSecuritySettingsAreKnownOnlyWhenKafkaKnowsThem() {
        assertTrue(isKafkaSecuritySetting("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertTrue(isKafkaSecuritySetting("KAFKA_SECURITY_PROTOCOL"));
        assertTrue(isKafkaSecuritySetting("KAFKA_SASL_JAAS_CONFIG"));
        assertTrue(!isKafkaSecuritySetting("KAFKA_SSL_TRUSTSTORE_LOCATON"), "misspelt");
        assertTrue(!isKafkaSecuritySetting("KAFKA_LINGER_MS"), "not a security setting: KafkaClients ignores it");
    }

    static Properties properties(String app) throws IOException {
        Properties properties = new Properties();
        Path file = repository().resolve(app).resolve("src/main/resources/application.properties");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** Every environment variable the service reads. */
    static Set<String> known(String app, Properties properties) throws IOException {
        Path module = repository().resolve(app);
        Set<String> known = new HashSet<>(JVM);
        for (String key : properties.stringPropertyNames()) {
            known.add(envForm(key.replaceFirst("^%[a-z]+\\.", "")));
        }
        Matcher ref = ENV_REF.matcher(Files.readString(module.resolve("src/main/resources/application.properties"),
            StandardCharsets.UTF_8));
        while (ref.find()) {
            known.add(ref.group(1));
        }
        QUARKUS_KEYS.forEach(k -> known.add(envForm(k)));
        if ("gateway".equals(app)) {
            Matcher key = README_KEY.matcher(Files.readString(module.resolve("README.md"), StandardCharsets.UTF_8));
            while (key.find()) {
                known.add(envForm(key.group(1)));
            }
        }
        return known;
    }

    /**
     * A connection security setting that service-support's {@code KafkaClients} passes to every Kafka client
     * ({@code KAFKA_SSL_TRUSTSTORE_LOCATION} is {@code ssl.truststore.location}), when Kafka's producer and consumer
     * both know that key: a misspelt one would be ignored by the client.
     */
    static boolean isKafkaSecuritySetting(String name) {
        if (!name.startsWith("KAFKA_")) {
            return false;
        }
        String key = name.substring("KAFKA_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        return (key.equals("security.protocol") || key.startsWith("ssl.") || key.startsWith("sasl."))
            && ProducerConfig.configNames().contains(key) && ConsumerConfig.configNames().contains(key);
    }

    /** The environment variable that sets a key (MicroProfile Config: non-alphanumerics become _, upper case). */
    private static String envForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    static Path repository() {
        return Path.of(System.getProperty("k8s.dir", "../k8s")).toAbsolutePath().normalize().getParent().getParent();
    }
}
