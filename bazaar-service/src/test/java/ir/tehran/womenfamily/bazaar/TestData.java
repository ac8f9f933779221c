package ir.tehran.womenfamily.bazaar;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.support.time.Tehran;
import org.eclipse.microprofile.config.ConfigProvider;

/** Tokens, registry events and REST calls the bazaar tests share. Every helper makes its own fresh data. */
public final class TestData {

    public static final String BUSINESS_TOPIC = "registry.business";
    public static final String CAMPAIGN_TOPIC = "registry.campaign";
    public static final String CONSENT_TOPIC = "registry.consent";
    public static final String BENEFICIARY_TOPIC = "registry.beneficiary";
    private static final EventContract CONTRACT = EventContract.load();

    private TestData() {
    }

    public static LocalDate today() {
        return Tehran.today(java.time.Clock.systemUTC());
    }

    public static String coordinator() {
        return TestTokens.forRoles("coordinator-1", "bazaar-coordinator");
    }

    public static String admin() {
        return TestTokens.forRoles("admin-1", "admin");
    }

    public static String producer(UUID... businesses) {
        return TestTokens.token().subject("producer-" + UUID.randomUUID()).groups("producer")
            .claim("businesses", java.util.Arrays.stream(businesses).map(UUID::toString).toList()).sign();
    }

    public static String partnerApp(String scope) {
        return TestTokens.token().subject("partner-app").groups("partner-app").claim("scope", scope).sign();
    }

    public static EventProbe probe() {
        return new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /**
     * Sends a registry event as the registry would: its payload checked against the registry's own schema, as a
     * CloudEvent with {@code id} (one id twice is a redelivery), keyed by {@code key} on {@code topic}.
     */
    static void sendRegistryEvent(String topic, String id, String type, UUID key, Map<String, Object> data) {
        String schema = "urn:women-family:events:registry:" + type + ":v1";
        String json = toJson(data);
        assertTrue(CONTRACT.violations(schema, json).isEmpty(), () -> CONTRACT.violations(schema, json).toString());
        probe().sendCloudEvent(topic, key.toString(), Map.of(
            "id", id,
            "source", "/women-family/registry",
            "type", "ir.tehran.womenfamily.registry." + type,
            "subject", key.toString(),
            "time", Instant.now().toString(),
            "dataschema", schema,
            "requestid", "test-" + id), json);
    }

    /** Sends a registry business event, after checking it against the registry's own schema. */
    public static void sendBusinessEvent(String type, UUID businessId, Map<String, Object> data) {
        sendBusinessEvent(UUID.randomUUID().toString(), type, businessId, data);
    }

    /** The same, with the CloudEvents id given: sending one id twice is a redelivery. */
    public static void sendBusinessEvent(String id, String type, UUID businessId, Map<String, Object> data) {
        sendRegistryEvent(BUSINESS_TOPIC, id, type, businessId, data);
    }

    /** Sends {@code campaign.bazaar-eligible} as the registry would: checked against its schema, keyed by person. */
    public static void sendCampaignEligible(String id, UUID personId, Map<String, Object> data) {
        sendRegistryEvent(CAMPAIGN_TOPIC, id, "campaign.bazaar-eligible", personId, data);
    }

    /**
     * Sends the registry's {@code consent.given} ({@code active}) or {@code consent.revoked} for a woman's
     * BAZAAR_PUBLICATION consent, checked against its schema, keyed by her id.
     */
    public static void sendPublicationConsent(UUID personId, boolean active) {
        String type = active ? "consent.given" : "consent.revoked";
        Map<String, Object> data = new HashMap<>();
        data.put("beneficiaryId", personId.toString());
        data.put("consentId", UUID.randomUUID().toString());
        data.put("purpose", "BAZAAR_PUBLICATION");
        data.put("agencyKind", null);
        data.put("state", active ? "GIVEN" : "REVOKED");
        data.put("purposeActive", active);
        data.put("at", Instant.now().toString());
        sendRegistryEvent(CONSENT_TOPIC, UUID.randomUUID().toString(), type, personId, data);
    }

    /** Sends {@code beneficiary.merged} or {@code beneficiary.split} as the registry would, keyed by her record. */
    public static String sendMergeEvent(String type, UUID merged, UUID survivor) {
        Map<String, Object> data = new HashMap<>();
        data.put("beneficiaryId", merged.toString());
        data.put("survivorId", survivor.toString());
        data.put(type.equals("beneficiary.merged") ? "mergedAt" : "splitAt", Instant.now().toString());
        String id = UUID.randomUUID().toString();
        sendRegistryEvent(BENEFICIARY_TOPIC, id, type, merged, data);
        return id;
    }

    /** The payload of {@code campaign.bazaar-eligible}: she made her first sale on {@code since}. */
    public static Map<String, Object> campaignEligible(UUID personId, UUID menteeId, boolean headsHousehold,
            int district, List<String> categories, LocalDate since, String sinceJalali) {
        Map<String, Object> m = new HashMap<>();
        m.put("personId", personId.toString());
        m.put("menteeId", menteeId.toString());
        m.put("headsHousehold", headsHousehold);
        m.put("district", district);
        m.put("categories", categories);
        m.put("since", since.toString());
        m.put("sinceJalali", sinceJalali);
        return m;
    }

    public static Map<String, Object> business(UUID businessId, UUID ownerId, String category, Integer district,
            boolean headsHousehold, String status) {
        Map<String, Object> m = new HashMap<>();
        m.put("businessId", businessId.toString());
        m.put("ownerId", ownerId.toString());
        m.put("ownerHeadsHousehold", headsHousehold);
        m.put("category", category);
        m.put("district", district);
        m.put("status", status);
        m.put("publicationConsent", true);
        return m;
    }

    /** A new active business known to the bazaar service (sent as the registry would, then awaited). */
    public static UUID registeredBusiness(String category, int district, boolean headsHousehold) {
        UUID id = UUID.randomUUID();
        sendBusinessEvent("business.registered", id, business(id, UUID.randomUUID(), category, district,
            headsHousehold, "ACTIVE"));
        awaitProducer(id, "ACTIVE");
        return id;
    }

    public static void awaitProducer(UUID id, String status) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
            given().auth().oauth2(coordinator()).get("/api/bazaar/producers/" + id)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(status)));
    }

    /** A new venue of its own, so tests never compete for one venue's stalls. */
    public static String venue(int stalls, int power, int cooking, int district) {
        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> types = new java.util.ArrayList<>();
        int plain = stalls - power;
        if (plain > 0) {
            types.add(Map.of("code", "standard", "sizeM2", 6, "count", plain, "power", false, "cooking", false,
                "shelter", true));
        }
        if (power - cooking > 0) {
            types.add(Map.of("code", "powered", "sizeM2", 6, "count", power - cooking, "power", true, "cooking",
                false, "shelter", true));
        }
        if (cooking > 0) {
            types.add(Map.of("code", "kitchen", "sizeM2", 9, "count", cooking, "power", true, "cooking", true,
                "shelter", true));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("kind", "OTHER");
        body.put("nameFa", "محل آزمایشی " + code);
        body.put("nameEn", "Test venue " + code);
        body.put("district", district);
        body.put("latitude", 35.70 + ThreadLocalRandom.current().nextDouble(0.05));
        body.put("longitude", 51.35 + ThreadLocalRandom.current().nextDouble(0.1));
        body.put("areaM2", 20 * stalls + 20);
        body.put("stallTypes", types);
        return given().auth().oauth2(coordinator()).contentType(ContentType.JSON).body(body)
            .post("/api/bazaar/venues").then().statusCode(201).extract().path("id");
    }

    /** A new draft bazaar over {@code venues} from {@code start} for {@code days} days, applications open today. */
    public static String bazaar(String kind, LocalDate start, int days, List<String> venues) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("nameFa", "بازارچهٔ آزمایشی");
        body.put("nameEn", "Test bazaar");
        body.put("startDate", start.toString());
        body.put("endDate", start.plusDays(days - 1).toString());
        body.put("applicationsOpen", today().toString());
        body.put("applicationsClose", (start.isAfter(today()) ? start.minusDays(1) : start).toString());
        body.put("venues", venues.stream().map(v -> Map.of("venueId", v)).toList());
        return given().auth().oauth2(coordinator()).contentType(ContentType.JSON).body(body)
            .post("/api/bazaar/bazaars").then().statusCode(201).extract().path("id");
    }

    public static void move(String bazaarId, String to) {
        given().auth().oauth2(coordinator()).contentType(ContentType.JSON).body(Map.of("to", to))
            .post("/api/bazaar/bazaars/" + bazaarId + "/transitions").then().statusCode(200);
    }

    public static String apply(String bazaarId, UUID business, List<String> venues, List<LocalDate> days, int stalls) {
        Map<String, Object> body = new HashMap<>();
        body.put("businessId", business.toString());
        body.put("venuePreferences", venues);
        body.put("days", days.stream().map(LocalDate::toString).toList());
        body.put("stalls", stalls);
        return given().auth().oauth2(producer(business)).contentType(ContentType.JSON).body(body)
            .post("/api/bazaar/bazaars/" + bazaarId + "/applications").then().statusCode(201).extract().path("id");
    }

    /** The bazaar's current ETag (its version), for If-Match on a change of its venues. */
    public static String etag(String bazaarId) {
        return given().auth().oauth2(coordinator()).get("/api/bazaar/bazaars/" + bazaarId).then().statusCode(200)
            .extract().header("ETag");
    }

    /** Starts an allocation and waits until it is solved; returns the run id. */
    public static String allocate(String bazaarId, Map<String, Object> request) {
        String run = given().auth().oauth2(coordinator()).contentType(ContentType.JSON).body(request)
            .post("/api/bazaar/bazaars/" + bazaarId + "/allocations").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
            given().auth().oauth2(coordinator()).get("/api/bazaar/bazaars/" + bazaarId + "/allocations/" + run)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SOLVED")));
        return run;
    }

    private static String toJson(Map<String, Object> data) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
