package ir.tehran.womenfamily.bazaar.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} is for the monitoring client and admins only (the default every service takes from
 * service-support); health stays public.
 */
@QuarkusTest
class MetricsAccessTest {

    @Test
    void onlyMonitoringAndAdminsReadTheMetrics() {
        given().when().get("/q/metrics").then().statusCode(401);
        for (String role : List.of("caseworker", "bazaar-coordinator", "producer", "partner-app")) {
            given().auth().oauth2(TestTokens.forRoles("someone", role)).when().get("/q/metrics")
                .then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.token().subject("prometheus").clientId("prometheus").groups("monitoring")
                .sign())
            .when().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
        given().auth().oauth2(TestTokens.forRoles("admin-1", "admin")).when().get("/q/metrics")
            .then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
