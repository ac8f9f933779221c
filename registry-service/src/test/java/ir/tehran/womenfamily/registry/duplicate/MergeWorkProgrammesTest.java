package ir.tehran.womenfamily.registry.duplicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import org.junit.jupiter.api.Test;

/**
 * Merging two records of one woman moves what the work programmes hold of her: her paid placements (with
 * their statements) and her record in the home-business campaign, merged with the survivor's when both have
 * one. A merge that cannot move them is refused whole.
 */
@QuarkusTest
class MergeWorkProgrammesTest {

    private static final String CW = "merge.cw";
    private static final String CAMPAIGN = "/api/registry/campaign";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    private static String admin() {
        return Women.admin("merge.admin");
    }

    private static String today() {
        return Days.jalali(LocalDate.now(Tehran.ZONE));
    }

    /** Two records of one woman, queued as a likely duplicate; her case is with {@link #CW} in both. */
    private static String[] pair(int district) {
        String last = "دوباره" + System.nanoTime() % 100000;
        String first = RegistryApi.register(admin(), "\"firstName\":\"شیرین\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1362-02-02\",\"district\":" + district);
        String second = RegistryApi.register(admin(), "\"firstName\":\"شيرين\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1362-02-02\",\"district\":" + district);
        Women.assign(first, CW);
        Women.assign(second, CW);
        UUID a = UUID.fromString(first);
        UUID b = UUID.fromString(second);
        DuplicateCandidate c = QuarkusTransaction.requiringNew().call(() -> DuplicateCandidate
            .<DuplicateCandidate>find("(firstId = ?1 and secondId = ?2) or (firstId = ?2 and secondId = ?1)", a, b)
            .firstResult());
        if (c == null) {
            throw new AssertionError("pair not queued: " + first + ", " + second);
        }
        return new String[] {first, second, c.id.toString()};
    }

    private static String placement(String woman) {
        as(Women.caseworker(CW)).body("{\"cohort\":\"PRISON_RELEASE\",\"since\":\"1404-05-01\"}")
            .post(Women.BASE + woman + "/cohorts").then().statusCode(201);
        return as(Women.caseworker(CW)).body("{\"unitName\":\"کارگاه ادغام\",\"training\":\"خیاطی\","
                + "\"trainingCompletedOn\":\"1404-06-10\",\"hoursPerDay\":6,\"hourlyWageRials\":150000,"
                + "\"startedOn\":\"1404-06-20\"}")
            .post(Women.BASE + woman + "/placements").then().statusCode(201).extract().path("id");
    }

    private static String enrol(String woman, String interest) {
        return as(admin()).body("{\"beneficiaryId\":\"" + woman + "\",\"interests\":[\"" + interest + "\"]}")
            .post(CAMPAIGN + "/mentees").then().statusCode(201).extract().path("id");
    }

    private static void reach(String mentee, String milestone) {
        as(admin()).body("{\"milestone\":\"" + milestone + "\",\"reachedOn\":\"" + today() + "\"}")
            .post(CAMPAIGN + "/mentees/" + mentee + "/milestones").then().statusCode(200);
    }

    private static void merge(String[] pair, int status) {
        as(admin()).body("{\"survivorId\":\"" + pair[0] + "\"}")
            .header("If-Match", RegistryApi.pairVersion(admin(), pair[2], "OPEN"))
            .post("/api/registry/duplicates/" + pair[2] + "/merge").then().statusCode(status);
    }

    @Test
    void herPlacementAndHerCampaignRecordGoToTheSurvivor() throws Exception {
        String[] pair = pair(19);
        String survivor = pair[0];
        String loser = pair[1];
        String placement = placement(loser);
        String mentee = enrol(loser, "needlework");
        reach(mentee, "FIRST_SALE");

        merge(pair, 200);

        as(Women.caseworker(CW)).get(Women.BASE + survivor + "/placements").then().statusCode(200)
            .body("items.id", contains(placement));
        as(Women.caseworker(CW)).get(Women.BASE + survivor + "/placements/" + placement).then().statusCode(200)
            .body("active", equalTo(true));
        as(admin()).get(CAMPAIGN + "/mentees/" + mentee).then().statusCode(200)
            .body("beneficiaryId", equalTo(survivor)).body("personId", equalTo(survivor))
            .body("bazaarEligible", equalTo(true));
        // the bazaar learns her new person id: eligibility announced again, keyed by the survivor
        EventProbe.Message m = RegistryApi.event("registry.campaign", survivor, "campaign.bazaar-eligible");
        JsonNode payload = new ObjectMapper().readTree(m.value());
        assertEquals(mentee, payload.path("menteeId").asText());
        assertEquals(survivor, payload.path("personId").asText());
        assertEquals(19, payload.path("district").asInt());
    }

    @Test
    void twoOpenPlacementsAreRefusedWholeAndTwoCampaignRecordsBecomeOne() throws Exception {
        String[] pair = pair(21);
        String survivor = pair[0];
        String loser = pair[1];
        String kept = enrol(survivor, "macrame");
        String lost = enrol(loser, "candles");
        reach(kept, "IDEA");
        reach(lost, "IDEA");
        reach(lost, "FIRST_SALE");
        String hers = placement(survivor);
        String other = placement(loser);

        // one woman works in one unit at a time: nothing moves, nothing is merged
        as(admin()).body("{\"survivorId\":\"" + survivor + "\"}")
            .header("If-Match", RegistryApi.pairVersion(admin(), pair[2], "OPEN"))
            .post("/api/registry/duplicates/" + pair[2] + "/merge")
            .then().statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/merge-placements-open"))
            .body("title", equalTo("Both records have an open placement; end one before merging them"));
        as(admin()).get(Women.BASE + loser).then().statusCode(200);
        as(Women.caseworker(CW)).get(Women.BASE + loser + "/placements").then().body("items.id", contains(other));
        as(admin()).get(CAMPAIGN + "/mentees/" + lost).then().statusCode(200)
            .body("beneficiaryId", equalTo(loser));

        as(Women.caseworker(CW)).body("{\"endedOn\":\"" + today() + "\",\"reason\":\"TRANSFERRED\"}")
            .header("If-Match", RegistryApi.etag(Women.caseworker(CW), Women.BASE + loser + "/placements/" + other))
            .post(Women.BASE + loser + "/placements/" + other + "/end").then().statusCode(200);
        merge(pair, 200);

        as(Women.caseworker(CW)).get(Women.BASE + survivor + "/placements").then().statusCode(200)
            .body("items.id", containsInAnyOrder(hers, other));
        // her campaign record is the survivor's, with the milestones and interests of both
        as(admin()).get(CAMPAIGN + "/mentees/" + lost).then().statusCode(404);
        as(admin()).get(CAMPAIGN + "/mentees/" + kept).then().statusCode(200)
            .body("beneficiaryId", equalTo(survivor))
            .body("milestones.milestone", contains("IDEA", "FIRST_SALE"))
            .body("interests", containsInAnyOrder("macrame", "candles"))
            .body("bazaarEligible", equalTo(true));
        List<Map<String, Object>> mentees = RegistryApi.all(() -> as(admin()), CAMPAIGN + "/mentees");
        assertEquals(1, mentees.stream().filter(m -> survivor.equals(m.get("beneficiaryId"))).count());
        assertTrue(mentees.stream().anyMatch(m -> kept.equals(m.get("id"))));
        EventProbe.Message m = RegistryApi.event("registry.campaign", survivor, "campaign.bazaar-eligible");
        assertEquals(kept, new ObjectMapper().readTree(m.value()).path("menteeId").asText());
    }

    @Test
    void herConsentsAreAnnouncedUnderTheSurvivorAndBackUnderHerOwnRecordAtASplit() throws Exception {
        String[] pair = pair(5);
        String survivor = pair[0];
        String loser = pair[1];
        String consent = as(admin()).body("{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"2024-03-20\","
                + "\"channel\":\"SMS\"}")
            .post(Women.BASE + loser + "/consents").then().statusCode(201).extract().path("id");

        merge(pair, 200);
        JsonNode toSurvivor = lastConsentEvent(survivor, 1);
        assertEquals(consent, toSurvivor.get("consentId").asText());
        assertEquals("GIVEN", toSurvivor.get("state").asText());
        assertTrue(toSurvivor.get("purposeActive").asBoolean(), "her consent now holds for the survivor");

        as(admin()).header("If-Match", RegistryApi.pairVersion(admin(), pair[2], "MERGED"))
            .post("/api/registry/duplicates/" + pair[2] + "/split").then().statusCode(200);
        JsonNode away = lastConsentEvent(survivor, 2);
        assertEquals("REVOKED", away.get("state").asText());
        assertFalse(away.get("purposeActive").asBoolean(), "the survivor never consented herself");
        JsonNode back = lastConsentEvent(loser, 2);
        assertEquals(consent, back.get("consentId").asText());
        assertTrue(back.get("purposeActive").asBoolean(), "back with her own record");
    }

    /**
     * The payload of the {@code count}-th {@code registry.consent} event keyed by {@code woman} (the latest once
     * they have all been published; waits up to 30 s for them).
     */
    private static JsonNode lastConsentEvent(String woman, int count) throws Exception {
        List<EventProbe.Message> events = List.of();
        for (int i = 0; i < 30 && events.size() < count; i++) {
            events = RegistryApi.events("registry.consent", woman);
            if (events.size() < count) {
                Thread.sleep(1000);
            }
        }
        assertEquals(count, events.size(), "consent events keyed by " + woman);
        return new ObjectMapper().readTree(events.get(count - 1).value());
    }
}
