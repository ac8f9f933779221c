package ir.tehran.womenfamily.registry.cohort;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.Women;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Sensitive cohorts: only her assigned caseworker, or an admin through break-glass; 404 for anyone else. */
@QuarkusTest
class CohortResourceTest {

    private static final String CW = "cohort.cw";
    private static final String CENTRE = "یاورشهر ۵";
    /** As stored and shown: Persian text folded, digits Latin (PersianText.normalize). */
    private static final String CENTRE_SHOWN = "یاورشهر 5";
    private static final String HEADER = "X-Break-Glass-Reason";

    private static String cohorts(String id) {
        return Women.BASE + id + "/cohorts";
    }

    private static String membership(String cohort, String since, String centre) {
        return "{\"cohort\":\"" + cohort + "\",\"since\":\"" + since + "\""
            + (centre == null ? "" : ",\"followingCentre\":\"" + centre + "\"") + "}";
    }

    @Test
    void herCaseworkerRecordsReadsAndEndsMemberships() {
        String id = Women.registerWithCase(CW);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(membership("ADDICTION_RECOVERY", "۱۴۰۲-۱۲-۱۶", CENTRE))
            .when().post(cohorts(id))
            .then().statusCode(201)
            .body("cohort", equalTo("ADDICTION_RECOVERY"))
            .body("cohortNameEn", equalTo("Recovering from addiction"))
            .body("since", equalTo("2024-03-06"))
            .body("sinceJalali", equalTo("1402-12-16"))
            .body("followingCentre", equalTo(CENTRE_SHOWN))
            .body("active", equalTo(true));
        String prison = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(membership("PRISON_RELEASE", "2023-05-01", null))
            .when().post(cohorts(id))
            .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(membership("PRISON_RELEASE", "2023-06-01", null))
            .when().post(cohorts(id))
            .then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/cohort-membership-exists"));

        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).body("{\"endedOn\":\"1403-01-01\"}")
            .when().post(cohorts(id) + "/" + prison + "/end")
            .then().statusCode(200)
            .body("active", equalTo(false))
            .body("endedOn", equalTo("2024-03-20"))
            .body("endedOnJalali", equalTo("1403-01-01"));
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).body("{\"endedOn\":\"1403-01-02\"}")
            .when().post(cohorts(id) + "/" + prison + "/end")
            .then().statusCode(409);

        given().auth().oauth2(Women.caseworker(CW)).when().get(cohorts(id))
            .then().statusCode(200)
            .body("items", hasSize(2))
            .body("items.find { it.cohort == 'PRISON_RELEASE' }.active", equalTo(false));

        Women.audit("beneficiary.cohorts", id).then()
            .body("items.action", hasItem("cohort.add"))
            .body("items.action", hasItem("cohort.end"))
            .body("items.action", hasItem("cohort.list"))
            .body(not(containsString("PRISON_RELEASE")))
            .body(not(containsString("ADDICTION_RECOVERY")))
            .body(not(containsString("یاورشهر")));
    }

    @Test
    void herProfileAndOtherCaseworkersSeeNothing() {
        String id = Women.registerWithCase(CW);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(membership("PRISON_RELEASE", "2023-05-01", null))
            .when().post(cohorts(id)).then().statusCode(201);

        given().auth().oauth2(Women.admin("head")).when().get(Women.BASE + id)
            .then().statusCode(200)
            .body(not(containsString("PRISON")))
            .body(not(containsString("cohort")));
        given().auth().oauth2(Women.caseworker("other.cw")).when().get(cohorts(id))
            .then().statusCode(404)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/not-found"));
        // the same answer as for a woman who does not exist
        given().auth().oauth2(Women.caseworker("other.cw")).when().get(cohorts(UUID.randomUUID().toString()))
            .then().statusCode(404)
            .body("type", equalTo("https://women-family.tehran.ir/problems/not-found"));
        given().auth().oauth2(Women.caseworker("other.cw")).contentType(ContentType.JSON)
            .body(membership("PRISON_RELEASE", "2023-05-01", null))
            .when().post(cohorts(id)).then().statusCode(404);
        given().auth().oauth2(TestTokens.forRoles("officer", "sponsorship-officer")).when().get(cohorts(id))
            .then().statusCode(403);
        given().when().get(cohorts(id)).then().statusCode(401);

        Women.audit("beneficiary.cohorts", id).then()
            .body("items.find { it.actor == 'other.cw' }.outcome", equalTo("DENIED"));
    }

    @Test
    void anAdminNeedsABreakGlassReason() {
        String id = Women.registerWithCase(CW);
        for (String reason : new String[] {null, "", "   ", "too short"}) {
            var request = given().auth().oauth2(Women.admin("glass.admin")).header("Accept-Language", "en");
            if (reason != null) {
                request.header(HEADER, reason);
            }
            request.when().get(cohorts(id))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(HEADER))
                .body("errors.message", hasItem(containsString("10 to 1000")));
        }
        Women.audit("beneficiary.cohorts", id).then()
            .body("items.find { it.actor == 'glass.admin' }.outcome", equalTo("DENIED"));
    }

    @Test
    void breakGlassIsAuditedAndAnnouncedWithoutAnyCohortFact() throws Exception {
        String id = Women.registerWithCase(CW);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(membership("ADDICTION_RECOVERY", "2024-01-10", CENTRE))
            .when().post(cohorts(id)).then().statusCode(201);

        String admin = "glass-" + UUID.randomUUID();
        String reason = "Prisons Organisation asked to confirm her release terms";
        given().auth().oauth2(TestTokens.token().subject(admin).groups("admin").clientId("admin-console").sign())
            .header(HEADER, reason)
            .when().get(cohorts(id))
            .then().statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].followingCentre", equalTo(CENTRE_SHOWN));

        Women.audit("beneficiary.cohorts", id).then()
            .body("items.find { it.actor == '" + admin + "' }.purpose", equalTo("break-glass"))
            .body("items.find { it.actor == '" + admin + "' }.outcome", equalTo("SUCCESS"))
            .body("items.find { it.actor == '" + admin + "' }.detail.breakGlassAccessId", notNullValue())
            .body("items.find { it.actor == '" + admin + "' }.detail.reasonSha256", notNullValue())
            .body(not(containsString(reason)));

        EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        EventProbe.Message m = probe.await("registry.sensitive-access", r -> r.value() != null
            && r.value().contains(admin), Duration.ofSeconds(30));
        assertEquals("ir.tehran.womenfamily.registry.sensitive-access.break-glass", m.ce("type"));
        assertTrue(EventContract.load().violations(m.ce("dataschema"), m.value()).isEmpty(),
            () -> EventContract.load().violations(m.ce("dataschema"), m.value()).toString());
        JsonNode payload = new ObjectMapper().readTree(m.value());
        assertEquals("beneficiary.cohorts", payload.path("resourceType").asText());
        assertEquals(reason.length(), payload.path("reasonLength").asInt());
        assertEquals("admin-console", payload.path("clientId").asText());
        for (String secret : new String[] {id, reason, "ADDICTION", "PRISON", "یاورشهر", "2024-01-10"}) {
            assertFalse(m.value().contains(secret), "the event must not carry " + secret + ": " + m.value());
        }
    }

    @Test
    void anAdminWhoIsHerCaseworkerNeedsNoReason() {
        String id = Women.registerWithCase("dual.role");
        given().auth().oauth2(TestTokens.forRoles("dual.role", "admin", "caseworker")).when().get(cohorts(id))
            .then().statusCode(200);
    }

    @Test
    void eachInvalidFieldIsA400WithItsPath() {
        String id = Women.registerWithCase(CW);
        expect400(id, membership("NO_SUCH_COHORT", "2024-01-01", null), "cohort");
        expect400(id, membership("ADDICTION_RECOVERY", "2024-01-01", null), "followingCentre");
        expect400(id, membership("PRISON_RELEASE", "1402-12-30", null), "since");
        expect400(id, membership("PRISON_RELEASE", "2999-01-01", null), "since");
        expect400(id, "{\"since\":\"2024-01-01\"}", "cohort");
        expect400(id, "{\"cohort\":\"PRISON_RELEASE\"}", "since");
        String m = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(membership("PRISON_RELEASE", "2024-01-01", null))
            .when().post(cohorts(id)).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body("{\"endedOn\":\"2023-12-31\"}")
            .when().post(cohorts(id) + "/" + m + "/end")
            .then().statusCode(400).body("errors.field", hasItem("endedOn"));
    }

    private static void expect400(String id, String body, String field) {
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(body)
            .when().post(cohorts(id))
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field));
    }
}
