package ir.tehran.womenfamily.bazaar.producer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import org.junit.jupiter.api.Test;

/**
 * A partner app sees a business named in a listing only when its owner consents to publication (the registry's
 * BAZAAR_PUBLICATION, learnt from its consent events); otherwise the row names no business but keeps its shape,
 * with the category of goods as a neutral label. Staff and the producer herself always see it.
 */
@QuarkusTest
class PublicationConsentTest {

    @Test
    void aPartnerSeesOnlyTheBusinessesWhoseOwnersConsentAndARevocationHidesOneOnceConsumed() {
        LocalDate day = TestData.today().plusDays(30);
        String venue = TestData.venue(2, 0, 0, 11);
        String bazaar = TestData.bazaar("SEASONAL", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        UUID consentingOwner = UUID.randomUUID();
        UUID consenting = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", consenting, TestData.business(consenting, consentingOwner,
            "pottery", 11, true, "ACTIVE"));
        TestData.awaitProducer(consenting, "ACTIVE");
        TestData.sendPublicationConsent(consentingOwner, true);
        UUID silent = TestData.registeredBusiness("candles", 11, true);
        String consentingApp = TestData.apply(bazaar, consenting, List.of(venue), List.of(day), 1);
        String silentApp = TestData.apply(bazaar, silent, List.of(venue), List.of(day), 1);
        String partner = TestData.partnerApp("bazaar.read");

        // once her consent is consumed, her business is named to a partner; the other one never is
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            given().auth().oauth2(partner).get("/api/bazaar/bazaars/" + bazaar + "/applications").then()
                .statusCode(200)
                .body("items.find { it.id == '" + consentingApp + "' }.businessId", equalTo(consenting.toString())));
        List<Map<String, Object>> rows = given().auth().oauth2(partner)
            .get("/api/bazaar/bazaars/" + bazaar + "/applications").then().statusCode(200)
            .body("items.find { it.id == '" + silentApp + "' }.businessId", nullValue())
            .body("items.find { it.id == '" + silentApp + "' }.producerCategory", equalTo("candles"))
            .extract().jsonPath().getList("items");
        assertEquals(rows.get(0).keySet(), rows.get(1).keySet(), "a row without a name has the same keys");
        given().auth().oauth2(partner).get("/api/bazaar/applications/" + silentApp).then().statusCode(200)
            .body("businessId", nullValue()).body("producerCategory", equalTo("candles"));
        // staff and the producer herself see the business
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + bazaar + "/applications").then()
            .statusCode(200).body("items.find { it.id == '" + silentApp + "' }.businessId", equalTo(silent.toString()));
        given().auth().oauth2(TestData.producer(silent)).get("/api/bazaar/applications/" + silentApp).then()
            .statusCode(200).body("businessId", equalTo(silent.toString()));

        // a revocation takes effect once the registry's event is consumed (a bounded wait, not a timing assertion)
        TestData.sendPublicationConsent(consentingOwner, false);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            given().auth().oauth2(partner).get("/api/bazaar/bazaars/" + bazaar + "/applications").then()
                .statusCode(200)
                .body("items.find { it.id == '" + consentingApp + "' }.businessId", nullValue())
                .body("items.find { it.id == '" + consentingApp + "' }.producerCategory", equalTo("pottery")));
    }
}
