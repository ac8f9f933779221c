package ir.tehran.womenfamily.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** CORS is answered by the gateway from its allow-list, for its own paths and for /api/** alike. */
@QuarkusTest
class CorsTest {

    private static final String LISTED = "http://localhost:5173";
    private static final String UNLISTED = "https://evil.example.com";

    @Test
    void aPreflightFromAListedOriginIsAnsweredByTheGateway() {
        given().header("Origin", LISTED)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .when().options("/api/registry/people")
            .then()
            .statusCode(200)
            .header("Access-Control-Allow-Origin", LISTED)
            .header("Access-Control-Allow-Credentials", not(equalTo("true")))
            .header("Access-Control-Allow-Methods", containsString("POST"))
            .header("Access-Control-Allow-Headers", containsString("Authorization"))
            .header("Access-Control-Max-Age", "3600")
            // not passed to the service, whose echo would have a body
            .body(emptyString());
    }

    @Test
    void aPreflightOnTheTokenEndpointIsAllowedToo() {
        given().header("Origin", LISTED)
            .header("Access-Control-Request-Method", "POST")
            .when().options("/oauth2/token")
            .then()
            .statusCode(200)
            .header("Access-Control-Allow-Origin", LISTED);
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoAllowOrigin() {
        given().header("Origin", UNLISTED)
            .header("Access-Control-Request-Method", "GET")
            .when().options("/api/registry/people")
            .then()
            .statusCode(403)
            .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aRequestFromAnotherOriginGetsNoAllowOrigin() {
        given().header("Origin", UNLISTED)
            .when().get("/api/registry/people")
            .then()
            .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theServicesOwnCorsAnswerIsReplacedByTheGateways() {
        List<String> allowed = given().header("Origin", LISTED)
            .when().get("/api/registry/leaky-headers")
            .then()
            .statusCode(200)
            .header("Access-Control-Expose-Headers", containsString("Retry-After"))
            .extract().headers().getValues("Access-Control-Allow-Origin");
        assertEquals(List.of(LISTED), allowed);
    }
}
