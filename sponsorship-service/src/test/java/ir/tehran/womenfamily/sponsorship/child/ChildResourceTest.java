package ir.tehran.womenfamily.sponsorship.child;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChildResourceTest {

    private static final String PATH = "/api/sponsorship/children";

    @Test
    void theRosterIsListedByDistrictAndStatus() {
        UUID inTen = RegistryFeed.newChild(8, "MALE", 10);
        UUID inTwenty = RegistryFeed.newChild(8, "MALE", 20);
        given().auth().oauth2(Tokens.officer()).queryParam("district", 10).queryParam("status", "ACTIVE")
            .queryParam("size", 200)
            .get(PATH).then().statusCode(200)
            .body("items.id", hasItem(inTen.toString()))
            .body("items.id", not(hasItem(inTwenty.toString())))
            .body("items.district", everyItem(equalTo(10)))
            .body("size", equalTo(200));
    }

    @Test
    void aBadFilterIsA400NamingTheParameter() {
        given().auth().oauth2(Tokens.officer()).header("Accept-Language", "en").queryParam("district", 23)
            .get(PATH).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("district"));
        given().auth().oauth2(Tokens.officer()).queryParam("size", 0)
            .get(PATH).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("size"));
    }

    @Test
    void anUnknownChildIs404InTheAskedLanguage() {
        given().auth().oauth2(Tokens.officer()).header("Accept-Language", "en")
            .get(PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
            .body("title", equalTo("Not found"));
        given().auth().oauth2(Tokens.officer())
            .get(PATH + "/" + UUID.randomUUID()).then().statusCode(404)
            .body("title", equalTo("پیدا نشد"));
    }

    @Test
    void eachCauseOfA401AloneAndA403ForTheWrongRole() {
        String path = PATH + "/" + UUID.randomUUID();
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer").expired().sign())
            .get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer").signedByForeignKey().sign())
            .get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer").issuer("https://elsewhere.example")
            .sign()).get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker()).get(path).then().statusCode(403)
            .contentType("application/problem+json");
        given().auth().oauth2(Tokens.sponsor(UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.partnerApp("sponsorship.coverage.read")).get(path).then().statusCode(403);
    }
}
