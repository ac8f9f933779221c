package ir.tehran.womenfamily.sponsorship;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.EventContract;
import org.junit.jupiter.api.Test;

/** The contract of the events this service publishes is served and its schemas load. */
@QuarkusTest
class EventContractTest {

    @Test
    void theContractIsServedWithItsSchemas() {
        given().get("/api/sponsorship/asyncapi").then().statusCode(200)
            .body(containsString("asyncapi: 3.0.0"))
            .body(containsString("address: sponsorship.sponsorship"));
        for (String schema : List.of("child.aged-out", "child.flagged-at-risk", "sponsorship.started",
            "sponsorship.ended", "sponsorship.suspended", "sponsorship.resumed", "disbursement.recorded",
            "disclosure.recorded", "instalment.due", "release-fund.changed", "release-fund.draw-refused")) {
            given().get("/api/sponsorship/asyncapi/schemas/" + schema + ".v1.json").then().statusCode(200);
        }
        assertTrue(EventContract.load().schemaIds().containsAll(List.of(
            "urn:women-family:events:sponsorship:child.aged-out:v1",
            "urn:women-family:events:sponsorship:child.flagged-at-risk:v1",
            "urn:women-family:events:sponsorship:sponsorship.started:v1",
            "urn:women-family:events:sponsorship:sponsorship.ended:v1",
            "urn:women-family:events:sponsorship:sponsorship.suspended:v1",
            "urn:women-family:events:sponsorship:sponsorship.resumed:v1",
            "urn:women-family:events:sponsorship:disbursement.recorded:v1",
            "urn:women-family:events:sponsorship:disclosure.recorded:v1",
            "urn:women-family:events:sponsorship:instalment.due:v1",
            "urn:women-family:events:sponsorship:release-fund.changed:v1",
            "urn:women-family:events:sponsorship:release-fund.draw-refused:v1")));
    }
}
