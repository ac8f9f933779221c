package ir.tehran.womenfamily.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness names each service: the fake registry is up, bazaar, sponsorship and notification are not. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessReportsEachServiceAndTheDatabase() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready")
            .then()
            .statusCode(503)
            .body("status", equalTo("DOWN"))
            .body("checks.find { it.name == 'services' }.status", equalTo("DOWN"))
            .body("checks.find { it.name == 'services' }.data.registry", equalTo("UP"))
            .body("checks.find { it.name == 'services' }.data.bazaar", equalTo("DOWN"))
            .body("checks.find { it.name == 'services' }.data.sponsorship", equalTo("DOWN"))
            .body("checks.find { it.name == 'services' }.data.notification", equalTo("DOWN"))
            .body("checks.find { it.name.contains('Database') }.status", equalTo("UP")));
    }

    @Test
    void livenessDoesNotDependOnTheServices() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
