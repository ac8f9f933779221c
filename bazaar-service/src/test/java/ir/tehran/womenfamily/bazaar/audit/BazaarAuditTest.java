package ir.tehran.womenfamily.bazaar.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The bazaar service records its writes in the hash-chained audit log of service-support (who, which
 * client, role, request id, what); only admins query and verify it.
 */
@QuarkusTest
class BazaarAuditTest {

    private static final String AUDIT = "/api/bazaar/audit";

    private static List<String> actions(String resourceType, Object resourceId) {
        return given().auth().oauth2(TestData.admin()).queryParam("resourceType", resourceType)
            .queryParam("resourceId", resourceId.toString()).queryParam("limit", 50)
            .get(AUDIT).then().statusCode(200).extract().path("items.action");
    }

    @Test
    void aBazaarsWritesAreRecordedNewestFirstWithTheirActorAndTheChainVerifies() {
        String venue = TestData.venue(4, 0, 0, 6);
        String bazaar = TestData.bazaar("SEASONAL", TestData.today().plusDays(20), 2, List.of(venue));
        TestData.move(bazaar, "OPEN");
        UUID business = TestData.registeredBusiness("pottery", 6, true);
        String application = TestData.apply(bazaar, business, List.of(venue), List.of(TestData.today().plusDays(20)),
            1);
        given().auth().oauth2(TestData.producer(business)).post("/api/bazaar/applications/" + application
            + "/withdraw").then().statusCode(200);

        assertEquals(List.of("venue.create"), actions("venue", venue));
        assertEquals(List.of("bazaar.transition", "bazaar.create"), actions("bazaar", bazaar));
        assertEquals(List.of("application.withdraw", "application.submit"), actions("application", application));
        given().auth().oauth2(TestData.admin()).queryParam("resourceType", "bazaar")
            .queryParam("resourceId", bazaar).get(AUDIT).then().statusCode(200)
            .body("items.actor", everyItem(equalTo("coordinator-1")))
            .body("items.roles", everyItem(equalTo(List.of("bazaar-coordinator"))))
            .body("items[0].detail.status", equalTo("OPEN"));
        given().auth().oauth2(TestData.admin()).queryParam("resourceType", "application")
            .queryParam("resourceId", application).get(AUDIT).then().statusCode(200)
            .body("items.roles", everyItem(equalTo(List.of("producer"))));

        given().auth().oauth2(TestData.admin()).get(AUDIT + "/verify").then().statusCode(200)
            .body("valid", equalTo(true)).body("firstBroken", nullValue());
    }

    @Test
    void anInvalidOrRefusedWriteLeavesNoEntry() {
        String refused = "coordinator-" + UUID.randomUUID();
        Map<String, Object> tooSmall = Map.of("code", "tiny-" + UUID.randomUUID().toString().substring(0, 8),
            "kind", "CULTURAL_CENTRE", "nameFa", "فرهنگسرای کوچک", "nameEn", "Tiny hall", "district", 6,
            "latitude", 35.72, "longitude", 51.40, "areaM2", 30,
            "stallTypes", List.of(Map.of("code", "standard", "sizeM2", 6, "count", 10, "power", false,
                "cooking", false, "shelter", true)));
        given().auth().oauth2(TestTokens.forRoles(refused, "bazaar-coordinator")).contentType(ContentType.JSON)
            .body(tooSmall).post("/api/bazaar/venues").then().statusCode(400);
        given().auth().oauth2(TestTokens.forRoles(refused, "bazaar-coordinator")).contentType(ContentType.JSON)
            .body(Map.of("to", "OPEN")).post("/api/bazaar/bazaars/" + UUID.randomUUID() + "/transitions")
            .then().statusCode(404);
        given().auth().oauth2(TestData.admin()).queryParam("actor", refused).get(AUDIT).then().statusCode(200)
            .body("items", hasSize(0));
    }

    @Test
    void onlyAnAdminReadsOrVerifiesTheLog() {
        given().get(AUDIT).then().statusCode(401).contentType("application/problem+json");
        given().get(AUDIT + "/verify").then().statusCode(401);
        for (String token : List.of(TestData.coordinator(), TestData.producer(UUID.randomUUID()),
                TestData.partnerApp("bazaar.read"), TestTokens.forRoles("c", "caseworker"))) {
            given().auth().oauth2(token).get(AUDIT).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get(AUDIT + "/verify").then().statusCode(403);
        }
    }
}
