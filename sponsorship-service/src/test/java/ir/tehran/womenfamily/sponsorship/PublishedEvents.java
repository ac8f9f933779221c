package ir.tehran.womenfamily.sponsorship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;

/** What this service really published to Kafka, checked against its own AsyncAPI contract. */
public final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedEvents() {
    }

    /**
     * Waits for the event {@code type} about {@code key} on {@code topic}, checks its CloudEvents envelope and
     * that its data honours the schema it names, and returns its data.
     */
    public static JsonNode await(String topic, String key, String type) {
        EventProbe.Message m = RegistryFeed.probe().await(topic,
            r -> key.equals(r.key()) && ("ir.tehran.womenfamily.sponsorship." + type).equals(r.ce("type")),
            Duration.ofSeconds(30));
        assertEquals("1.0", m.ce("specversion"));
        assertEquals("/women-family/sponsorship", m.ce("source"));
        assertEquals(key, m.ce("subject"));
        assertEquals("urn:women-family:events:sponsorship:" + type + ":v1", m.ce("dataschema"));
        Set<String> violations = EventContract.load().violations(m.ce("dataschema"), m.value());
        assertTrue(violations.isEmpty(), () -> type + " breaks its own contract: " + violations + " " + m.value());
        try {
            return JSON.readTree(m.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** All events {@code type} about {@code key} published so far. */
    public static List<EventProbe.Message> all(String topic, String key, String type) {
        return RegistryFeed.probe().readAll(topic, Duration.ofSeconds(10)).stream()
            .filter(r -> key.equals(r.key()) && ("ir.tehran.womenfamily.sponsorship." + type).equals(r.ce("type")))
            .toList();
    }
}
