package ir.tehran.womenfamily.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.MultiMap;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import org.junit.jupiter.api.Test;

/** Security headers on the gateway's own answers and on the services' answers it passes on. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void theGatewaysOwnAnswersCarryThem() {
        hardened(given().when().get("/oauth2/jwks").then().statusCode(200))
            .header("Cache-Control", "public, max-age=300");
        hardened(given().when().get("/.well-known/openid-configuration").then().statusCode(200))
            .header("Cache-Control", "no-store");
        hardened(given().formParam("grant_type", "none").when().post("/oauth2/token").then().statusCode(400))
            .header("Cache-Control", "no-store");
        hardened(given().when().get("/no/such/path").then().statusCode(404));
    }

    @Test
    void aServicesAnswerLosesItsSoftwareNamesAndIsNotStoredUnlessItSaysSo() {
        hardened(given().when().get("/api/registry/leaky-headers").then().statusCode(200))
            .header("Server", nullValue())
            .header("X-Powered-By", nullValue())
            .header("Cache-Control", "no-store");
        hardened(given().queryParam("cache", "private, max-age=60").when().get("/api/registry/leaky-headers")
            .then().statusCode(200))
            .header("Cache-Control", "private, max-age=60");
    }

    @Test
    void noHstsOverPlainHttpByDefault() {
        given().when().get("/oauth2/jwks").then().header("Strict-Transport-Security", nullValue());
    }

    @Test
    void hstsFollowsTheSetting() {
        MultiMap auto = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(auto, true, settings(GatewayConfig.Headers.Hsts.AUTO));
        assertEquals("max-age=31536000; includeSubDomains", auto.get("Strict-Transport-Security"));

        MultiMap plain = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(plain, false, settings(GatewayConfig.Headers.Hsts.AUTO));
        assertFalse(plain.contains("Strict-Transport-Security"));

        MultiMap always = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.apply(always, false, settings(GatewayConfig.Headers.Hsts.ALWAYS));
        assertEquals("max-age=31536000; includeSubDomains", always.get("Strict-Transport-Security"));

        MultiMap never = MultiMap.caseInsensitiveMultiMap().add("Server", "x").add("Content-Security-Policy", "own");
        SecurityHeaders.apply(never, true, settings(GatewayConfig.Headers.Hsts.NEVER));
        assertNull(never.get("Strict-Transport-Security"));
        assertNull(never.get("Server"));
        assertEquals("own", never.get("Content-Security-Policy"));
    }

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response
            .header("X-Content-Type-Options", equalTo("nosniff"))
            .header("X-Frame-Options", equalTo("DENY"))
            .header("Referrer-Policy", equalTo("no-referrer"))
            .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"));
    }

    private static GatewayConfig.Headers settings(GatewayConfig.Headers.Hsts hsts) {
        return new GatewayConfig.Headers() {
            @Override
            public Hsts hsts() {
                return hsts;
            }

            @Override
            public Duration hstsMaxAge() {
                return Duration.ofDays(365);
            }

            @Override
            public String contentSecurityPolicy() {
                return "frame-ancestors 'none'";
            }
        };
    }
}
