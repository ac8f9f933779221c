package ir.tehran.womenfamily.bazaar.bazaar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import org.junit.jupiter.api.Test;

/**
 * A producer reads only the bazaars she may apply to (open for applications), has applied to, or holds a stall in
 * (BazaarAccess.requireBazaar): any other is not found, with everything hanging on it, as if it did not exist. The
 * public calendar stays public and shows no draft.
 */
@QuarkusTest
class ProducerBazaarAccessTest {

    private static final String API = "/api/bazaar/bazaars/";

    private static List<String> readsOf(String bazaar) {
        return List.of(API + bazaar, API + bazaar + "/applications", API + bazaar + "/assignments",
            API + bazaar + "/sales");
    }

    @Test
    void aDraftIsNotFoundForAProducerButFoundForTheCoordinator() {
        LocalDate day = TestData.today().plusDays(400);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(TestData.venue(2, 0, 0, 4)));
        String anyone = TestData.producer(UUID.randomUUID());
        for (String path : readsOf(bazaar)) {
            given().auth().oauth2(anyone).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(TestData.coordinator()).get(API + bazaar).then().statusCode(200);
        // an unknown bazaar answers the same
        given().auth().oauth2(anyone).get(API + UUID.randomUUID()).then().statusCode(404);
        // the public calendar does not list the draft
        given().queryParam("from", day.toString()).get("/api/bazaar/calendar").then().statusCode(200)
            .body("items.findAll { it.bazaarId == '" + bazaar + "' }.size()", equalTo(0));
    }

    @Test
    void anOpenBazaarIsReadableAndOnceClosedOnlyByThoseWhoApplied() {
        LocalDate day = TestData.today().plusDays(410);
        String venue = TestData.venue(2, 0, 0, 4);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        UUID applicant = TestData.registeredBusiness("pottery", 4, true);
        UUID bystander = TestData.registeredBusiness("pottery", 4, true);
        given().auth().oauth2(TestData.producer(bystander)).get(API + bazaar).then().statusCode(200);
        TestData.apply(bazaar, applicant, List.of(venue), List.of(day), 1);

        TestData.move(bazaar, "ALLOCATING");
        for (String path : readsOf(bazaar)) {
            given().auth().oauth2(TestData.producer(applicant)).get(path).then().statusCode(200);
            given().auth().oauth2(TestData.producer(bystander)).get(path).then().statusCode(404);
        }
        // she sees her own application only
        given().auth().oauth2(TestData.producer(applicant)).get(API + bazaar + "/applications").then()
            .statusCode(200).body("items.size()", equalTo(1))
            .body("items[0].businessId", equalTo(applicant.toString()));
    }
}
