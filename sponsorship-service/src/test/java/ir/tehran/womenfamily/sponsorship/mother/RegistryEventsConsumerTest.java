package ir.tehran.womenfamily.sponsorship.mother;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The roster of mothers follows the registry's events exactly once, whatever Kafka delivers: duplicates,
 * messages that are not CloudEvents, events that cannot be applied.
 */
@QuarkusTest
class RegistryEventsConsumerTest {

    private static final String TOPIC = "registry.beneficiary";
    private static final String SCHEMA = "urn:women-family:events:registry:beneficiary.registered:v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private static String officer() {
        return TestTokens.forRoles("officer-1", "sponsorship-officer");
    }

    /** A registration event exactly as the registry publishes it, checked against the registry's schema. */
    private static String registered(UUID id) {
        String data = "{\"beneficiaryId\":\"" + id + "\",\"registeredAt\":\"" + Instant.now()
            + "\",\"registeredOn\":\"1403-08-01\"}";
        assertTrue(EventContract.load().violations(SCHEMA, data).isEmpty(),
            () -> EventContract.load().violations(SCHEMA, data).toString());
        return data;
    }

    private void send(String eventId, UUID beneficiary, String data) {
        new EventProbe(bootstrap).sendCloudEvent(TOPIC, beneficiary.toString(), Map.of(
            "id", eventId,
            "source", "/women-family/registry",
            "type", "ir.tehran.womenfamily.registry.beneficiary.registered",
            "subject", beneficiary.toString(),
            "time", Instant.now().toString(),
            "dataschema", SCHEMA,
            "requestid", "req-" + eventId), data);
    }

    private void awaitMother(UUID id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(officer()).get("/api/sponsorship/mothers/" + id)
                .then().statusCode(200).body("registeredOn", equalTo("1403-08-01")));
    }

    private int processedRows(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void aRegisteredWomanBecomesAKnownMother() {
        UUID id = UUID.randomUUID();
        send(UUID.randomUUID().toString(), id, registered(id));
        awaitMother(id);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = registered(id);
        send(eventId, id, data);
        send(eventId, id, data);
        awaitMother(id);
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID().toString(), marker, registered(marker));
        awaitMother(marker);

        assertEquals(1, processedRows(eventId));
        boolean deadLettered = new EventProbe(bootstrap).readAll(TOPIC + ".DLT", Duration.ofSeconds(5)).stream()
            .anyMatch(m -> id.toString().equals(m.key()));
        assertTrue(!deadLettered, "a duplicate must be skipped, not dead-lettered");
    }

    @Test
    void aMessageThatIsNotACloudEventGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        UUID key = UUID.randomUUID();
        new EventProbe(bootstrap).sendRaw(TOPIC, key.toString(), "this is not an event");
        UUID after = UUID.randomUUID();
        send(UUID.randomUUID().toString(), key, registered(after));
        awaitMother(after);

        EventProbe.Message dead = new EventProbe(bootstrap).await(TOPIC + ".DLT",
            m -> key.toString().equals(m.key()), Duration.ofSeconds(30));
        assertTrue(dead.headers().get("dlt-error").startsWith("unreadable event"), dead.headers().toString());
        assertEquals(TOPIC, dead.headers().get("dlt-original-topic"));
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredWithItsError() throws Exception {
        UUID key = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(eventId, key, "{\"registeredOn\":\"1403-08-01\"}");
        UUID after = UUID.randomUUID();
        send(UUID.randomUUID().toString(), key, registered(after));
        awaitMother(after);

        EventProbe.Message dead = new EventProbe(bootstrap).await(TOPIC + ".DLT",
            m -> eventId.equals(m.ce("id")), Duration.ofSeconds(30));
        assertTrue(dead.headers().get("dlt-error").contains("beneficiaryId"), dead.headers().toString());
        assertEquals(1, processedRows(eventId));
    }
}
