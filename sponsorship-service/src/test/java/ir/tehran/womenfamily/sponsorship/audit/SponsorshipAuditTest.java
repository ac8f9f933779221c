package ir.tehran.womenfamily.sponsorship.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The sponsorship service records its writes and its reads of a child's file in the hash-chained audit log
 * of service-support, and only admins query and verify it.
 */
@QuarkusTest
class SponsorshipAuditTest {

    private static final String AUDIT = "/api/sponsorship/audit";

    private static List<Map<String, Object>> entries(String resourceType, Object resourceId) {
        return given().auth().oauth2(Tokens.admin()).queryParam("resourceType", resourceType)
            .queryParam("resourceId", resourceId.toString()).queryParam("limit", 50)
            .get(AUDIT).then().statusCode(200).extract().path("items");
    }

    @Test
    void aPledgesLifeIsRecordedWithWhoDidItAndTheChainVerifies() {
        UUID child = RegistryFeed.newChild(9, "FEMALE", 7);
        UUID sponsor = Sponsors.newBenefactor("نیکوکار " + UUID.randomUUID().toString().substring(0, 6), null);
        UUID pledge = Sponsors.sponsor(sponsor, child, "EDUCATION", 5_000_000);
        Sponsors.receive(pledge, 5_000_000);

        List<Map<String, Object>> found = entries("pledge", pledge);
        List<Object> actions = found.stream().map(e -> e.get("action")).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("pledge.receipt", "pledge.confirm", "pledge.create"),
            actions, "newest first, one entry per write");
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "pledge")
            .queryParam("resourceId", pledge.toString()).get(AUDIT).then().statusCode(200)
            .body("items.actor", everyItem(equalTo("officer-1")))
            .body("items.clientId", everyItem(equalTo("test-client")))
            .body("items.roles", everyItem(equalTo(List.of("sponsorship-officer"))))
            .body("items.outcome", everyItem(equalTo("SUCCESS")))
            .body("items[0].atJalali", org.hamcrest.Matchers.matchesPattern("1[34]\\d\\d-\\d\\d-\\d\\d"));
        org.junit.jupiter.api.Assertions.assertEquals(1, entries("benefactor", sponsor).size());

        given().auth().oauth2(Tokens.admin()).get(AUDIT + "/verify").then().statusCode(200)
            .body("valid", equalTo(true)).body("firstBroken", nullValue());
    }

    @Test
    void readingAChildsFileIsRecordedAsASensitiveReadWithItsPurpose() {
        UUID child = RegistryFeed.newChild(10, "MALE", 4);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child).then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/term-reports")
            .then().statusCode(200);

        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "child")
            .queryParam("resourceId", child.toString()).get(AUDIT).then().statusCode(200)
            .body("items.action", hasItem("child.read"))
            .body("items.action", hasItem("term-report.read"))
            .body("items.findAll { it.action.endsWith('.read') }.purpose", everyItem(equalTo("casework")))
            // the child came from the registry's event: the roster's write is the consumer's, for that event
            .body("items.find { it.action == 'roster.child.added' }.actor",
                equalTo("system:consumer:sponsorship-registry"))
            .body("items.find { it.action == 'roster.child.added' }.purpose",
                equalTo("event:ir.tehran.womenfamily.registry.child.added"));
        // a refused read is recorded too, although the caller sees the same 404 either way: an unknown child as
        // NOT_FOUND, a child outside the officer's districts as DENIED
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + unknown).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "child")
            .queryParam("resourceId", unknown.toString()).get(AUDIT).then().statusCode(200)
            .body("items", hasSize(1)).body("items[0].action", equalTo("child.access"))
            .body("items[0].outcome", equalTo("NOT_FOUND")).body("items[0].purpose", equalTo("casework"))
            .body("items[0].detail.request", equalTo("GET /api/sponsorship/children/" + unknown));
        String elsewhere = TestTokens.token().subject("officer-of-22").groups("sponsorship-officer")
            .claim("districts", List.of(22)).sign();
        given().auth().oauth2(elsewhere).get("/api/sponsorship/children/" + child + "/risk").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "child")
            .queryParam("resourceId", child.toString()).queryParam("actor", "officer-of-22").get(AUDIT).then()
            .statusCode(200)
            .body("items", hasSize(1)).body("items[0].action", equalTo("child.access"))
            .body("items[0].outcome", equalTo("DENIED"));
    }

    @Test
    void aReadThatFindsNothingIsRecordedAsNotFoundAndAListByHowManyItReturned() {
        UUID child = RegistryFeed.newChild(11, "FEMALE", 5);
        // before her first report card there is no verdict: 404, recorded as a read that found nothing
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/risk").then()
            .statusCode(404);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/term-reports")
            .then().statusCode(200);

        List<Map<String, Object>> found = entries("child", child);
        Map<String, Object> risk = found.stream().filter(e -> "risk.read".equals(e.get("action"))).findFirst()
            .orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals("NOT_FOUND", risk.get("outcome"));
        org.junit.jupiter.api.Assertions.assertEquals("casework", risk.get("purpose"));
        Map<String, Object> reports = found.stream().filter(e -> "term-report.read".equals(e.get("action")))
            .findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals("SUCCESS", reports.get("outcome"));
        org.junit.jupiter.api.Assertions.assertEquals(Map.of("returned", "0"), reports.get("detail"));
    }

    @Test
    void aRefusedOrInvalidWriteLeavesNoEntry() {
        String refused = "officer-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.forRoles(refused, "sponsorship-officer")).contentType(ContentType.JSON)
            .body("{\"kind\":\"PERSON\",\"displayName\":\" \",\"email\":\"not-an-email\"}")
            .post("/api/sponsorship/benefactors").then().statusCode(400);
        UUID missing = UUID.randomUUID();
        given().auth().oauth2(TestTokens.forRoles(refused, "sponsorship-officer"))
            .post("/api/sponsorship/pledges/" + missing + "/confirmation").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("actor", refused).get(AUDIT).then().statusCode(200)
            .body("items", hasSize(0));

        String accepted = "officer-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.forRoles(accepted, "sponsorship-officer")).contentType(ContentType.JSON)
            .body("{\"kind\":\"PERSON\",\"displayName\":\"بنیاد آزمون\"}")
            .post("/api/sponsorship/benefactors").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).queryParam("actor", accepted).get(AUDIT).then().statusCode(200)
            .body("items", hasSize(1)).body("items[0].action", equalTo("benefactor.create"))
            .body("items[0].detail.displayName", nullValue());
    }

    @Test
    void onlyAnAdminReadsOrVerifiesTheLog() {
        given().get(AUDIT).then().statusCode(401).contentType("application/problem+json");
        given().get(AUDIT + "/verify").then().statusCode(401);
        for (String token : List.of(Tokens.officer(), Tokens.caseworker(), Tokens.sponsor(UUID.randomUUID()),
                Tokens.partnerApp("sponsorship.coverage.read"), TestTokens.forRoles("a", "agency"))) {
            given().auth().oauth2(token).get(AUDIT).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get(AUDIT + "/verify").then().statusCode(403);
        }
        given().auth().oauth2(Tokens.admin()).queryParam("limit", 1000).get(AUDIT).then().statusCode(400)
            .contentType("application/problem+json").body("errors.field", hasItem("limit"));
    }
}
