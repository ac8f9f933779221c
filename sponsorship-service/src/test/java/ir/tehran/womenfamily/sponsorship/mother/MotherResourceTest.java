package ir.tehran.womenfamily.sponsorship.mother;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MotherResourceTest {

    @Test
    void withoutATokenIs401() {
        given().when().get("/api/sponsorship/mothers/" + UUID.randomUUID())
            .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aCaseworkerHasNoBusinessHere() {
        given().auth().oauth2(TestTokens.forRoles("cw", "caseworker"))
            .when().get("/api/sponsorship/mothers/" + UUID.randomUUID())
            .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anUnknownMotherIs404InTheAskedLanguage() {
        given().auth().oauth2(TestTokens.forRoles("officer", "sponsorship-officer")).header("Accept-Language", "en")
            .when().get("/api/sponsorship/mothers/" + UUID.randomUUID())
            .then().statusCode(404).contentType("application/problem+json")
            .body("title", equalTo("Not found"));
    }
}
