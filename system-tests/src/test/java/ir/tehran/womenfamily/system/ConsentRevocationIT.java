package ir.tehran.womenfamily.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A revocation of a woman's SPONSORSHIP consent in the registry takes effect in sponsorship once its event has gone
 * through the outbox and Kafka: her child is no longer one a sponsor may be shown. The delay from the revoking
 * request's answer to the first read that shows the effect is measured and printed for {@code docs/RELIABILITY.md};
 * the test asserts the effect within a bounded wait, never the delay.
 */
@ExtendWith(SharedStack.class)
class ConsentRevocationIT {

    private static final int ROUNDS = 10;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
    }

    private static String token(String user) {
        return given().baseUri(stack.gatewayUrl()).formParam("grant_type", "password").formParam("username", user)
            .formParam("password", stack.demoCredentials().password()).when().post("/oauth2/token")
            .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aRevocationReachesSponsorshipAndItsDelayIsMeasured() {
        String caseworker = token("caseworker");
        String officer = token("officer");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String woman = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
                .body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"زهرا\","
                    + "\"lastName\":\"کریمی\",\"district\":5}")
                .when().post("/api/registry/beneficiaries").then().statusCode(201).extract().path("id");
            String child = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
                .body("{\"firstName\":\"سارا\",\"lastName\":\"کریمی\",\"birthDate\":\"1392-01-10\","
                    + "\"gender\":\"FEMALE\",\"grade\":4}")
                .when().post("/api/registry/beneficiaries/" + woman + "/children").then().statusCode(201)
                .extract().path("id");
            String consent = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
                .body("{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"1403-01-15\",\"channel\":\"PAPER\"}")
                .when().post("/api/registry/beneficiaries/" + woman + "/consents").then().statusCode(201)
                .extract().path("id");
            awaitConsent(officer, child, true);

            // the revocation is made over the consent as read (If-Match with its ETag)
            String consentPath = "/api/registry/beneficiaries/" + woman + "/consents/" + consent;
            String etag = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).when().get(consentPath)
                .then().statusCode(200).extract().header("ETag");
            given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
                .header("If-Match", etag)
                .when().post(consentPath + "/revocation")
                .then().statusCode(200);
            long revoked = System.nanoTime();
            awaitConsent(officer, child, false);
            millis.add((System.nanoTime() - revoked) / 1_000_000);
        }
        Collections.sort(millis);
        System.out.printf("consent revocation -> sponsorship, %d rounds: min %d ms, median %d ms, max %d ms%n",
            millis.size(), millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }

    private static void awaitConsent(String officer, String child, boolean consents) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
            given().baseUri(stack.gatewayUrl()).auth().oauth2(officer)
                .when().get("/api/sponsorship/children/" + child)
                .then().statusCode(200).body("motherConsentsToSponsorship", equalTo(consents)));
    }
}
