package ir.tehran.womenfamily.sponsorship;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.time.Tehran;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays the registry: sends its events exactly as it publishes them (CloudEvents in binary mode), each one
 * checked first against the registry's own JSON Schema from its {@code asyncapi} artifact.
 */
public final class RegistryFeed {

    public static final String CHILD_TOPIC = "registry.child";
    public static final String BENEFICIARY_TOPIC = "registry.beneficiary";
    public static final String CONSENT_TOPIC = "registry.consent";
    private static EventContract contract;

    private RegistryFeed() {
    }

    private static synchronized EventContract contract() {
        if (contract == null) {
            contract = EventContract.load();
        }
        return contract;
    }

    public static EventProbe probe() {
        return new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    public static LocalDate today() {
        return LocalDate.now(Tehran.ZONE);
    }

    /** A birth date that makes her {@code age} today, well away from her birthday. */
    public static LocalDate bornAged(int age) {
        return today().minusYears(age).minusDays(120);
    }

    /** Sends one registry event after checking it against the registry's schema; returns its id. */
    public static String send(String topic, String key, String type, String json) {
        String eventId = UUID.randomUUID().toString();
        send(topic, key, type, eventId, json);
        return eventId;
    }

    public static void send(String topic, String key, String type, String eventId, String json) {
        String schema = "urn:women-family:events:registry:" + type + ":v1";
        Set<String> violations = contract().violations(schema, json);
        assertTrue(violations.isEmpty(), () -> type + " does not honour the registry's contract: " + violations);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", eventId);
        attributes.put("source", "/women-family/registry");
        attributes.put("type", "ir.tehran.womenfamily.registry." + type);
        attributes.put("subject", key);
        attributes.put("time", Instant.now().toString());
        attributes.put("dataschema", schema);
        attributes.put("requestid", "test-" + eventId);
        probe().sendCloudEvent(topic, key, attributes, json);
    }

    public static String childJson(UUID child, UUID mother, LocalDate birth, String gender, Integer grade,
            Integer district) {
        return childJson(child, mother, "ن", birth, gender, grade, district);
    }

    /** A child's state as the registry sends it; {@code initial} null leaves the field out (an older event). */
    public static String childJson(UUID child, UUID mother, String initial, LocalDate birth, String gender,
            Integer grade, Integer district) {
        return "{\"childId\":\"" + child + "\",\"motherId\":\"" + mother + "\","
            + (initial == null ? "" : "\"firstNameInitial\":\"" + initial + "\",") + "\"birthDate\":\"" + birth
            + "\",\"birthDateJalali\":\"" + JalaliDate.of(birth) + "\",\"gender\":\"" + gender + "\",\"grade\":"
            + grade + ",\"district\":" + district + "}";
    }

    public static String childAdded(UUID child, UUID mother, LocalDate birth, String gender, Integer grade,
            Integer district) {
        return send(CHILD_TOPIC, child.toString(), "child.added", childJson(child, mother, birth, gender, grade,
            district));
    }

    public static String childUpdated(UUID child, UUID mother, LocalDate birth, String gender, Integer grade,
            Integer district) {
        return send(CHILD_TOPIC, child.toString(), "child.updated", childJson(child, mother, birth, gender, grade,
            district));
    }

    public static String childRemoved(UUID child, UUID mother) {
        return send(CHILD_TOPIC, child.toString(), "child.removed", "{\"childId\":\"" + child + "\",\"motherId\":\""
            + mother + "\",\"removedAt\":\"" + Instant.now() + "\"}");
    }

    public static String registered(UUID mother, Integer district) {
        return send(BENEFICIARY_TOPIC, mother.toString(), "beneficiary.registered", "{\"beneficiaryId\":\"" + mother
            + "\",\"registeredAt\":\"" + Instant.now() + "\",\"registeredOn\":\"" + JalaliDate.of(today())
            + "\",\"district\":" + district + "}");
    }

    public static String merged(UUID merged, UUID survivor) {
        return send(BENEFICIARY_TOPIC, merged.toString(), "beneficiary.merged", "{\"beneficiaryId\":\"" + merged
            + "\",\"survivorId\":\"" + survivor + "\",\"mergedAt\":\"" + Instant.now() + "\"}");
    }

    public static String split(UUID merged, UUID survivor) {
        return send(BENEFICIARY_TOPIC, merged.toString(), "beneficiary.split", "{\"beneficiaryId\":\"" + merged
            + "\",\"survivorId\":\"" + survivor + "\",\"splitAt\":\"" + Instant.now() + "\"}");
    }

    public static String supportLevel(UUID mother, String to) {
        return send(BENEFICIARY_TOPIC, mother.toString(), "beneficiary.support-level-changed", "{\"beneficiaryId\":\""
            + mother + "\",\"from\":null,\"to\":\"" + to + "\",\"changedAt\":\"" + Instant.now() + "\"}");
    }

    public static String statusChanged(UUID mother, String from, String to) {
        return send(BENEFICIARY_TOPIC, mother.toString(), "beneficiary.status-changed", "{\"beneficiaryId\":\""
            + mother + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"changedAt\":\"" + Instant.now() + "\"}");
    }

    /** The registry's announcement that a mother gave (true) or no longer has (false) a SPONSORSHIP consent. */
    public static String sponsorshipConsent(UUID mother, boolean active) {
        return send(CONSENT_TOPIC, mother.toString(), active ? "consent.given" : "consent.revoked",
            "{\"beneficiaryId\":\"" + mother + "\",\"consentId\":\"" + UUID.randomUUID()
            + "\",\"purpose\":\"SPONSORSHIP\",\"agencyKind\":null,\"state\":\"" + (active ? "GIVEN" : "REVOKED")
            + "\",\"purposeActive\":" + active + ",\"at\":\"" + Instant.now() + "\"}");
    }

    /** Waits until the roster knows, for each of these children, that her mother consents ({@code true}) or not. */
    public static void awaitConsent(List<UUID> children, boolean consents) {
        String token = Tokens.officer();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (UUID id : children) {
                given().auth().oauth2(token).get("/api/sponsorship/children/" + id).then().statusCode(200)
                    .body("motherConsentsToSponsorship", org.hamcrest.Matchers.equalTo(consents));
            }
        });
    }

    /** Waits until the roster has every one of these children. */
    public static void awaitChildren(List<UUID> children) {
        String token = Tokens.officer();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (UUID id : children) {
                given().auth().oauth2(token).get("/api/sponsorship/children/" + id).then().statusCode(200);
            }
        });
    }

    /** A new child of a new mother, in the roster when this returns. */
    public static UUID newChild(int age, String gender, Integer district) {
        return newChildren(1, age, gender, district).get(0);
    }

    /**
     * New children, each of her own new mother who consents to sponsorship (the registry announced her
     * SPONSORSHIP consent), in the roster with that consent when this returns.
     */
    public static List<UUID> newChildren(int n, int age, String gender, Integer district) {
        return newChildren(n, age, gender, district, true);
    }

    /** New children, each of her own new mother, consenting to sponsorship or not, in the roster when this returns. */
    public static List<UUID> newChildren(int n, int age, String gender, Integer district, boolean consenting) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID id = UUID.randomUUID();
            UUID mother = UUID.randomUUID();
            if (consenting) {
                sponsorshipConsent(mother, true);
            }
            childAdded(id, mother, bornAged(age), gender, Math.min(12, Math.max(0, age - 6)), district);
            ids.add(id);
        }
        awaitChildren(ids);
        if (consenting) {
            awaitConsent(ids, true);
        }
        return ids;
    }
}
