package ir.tehran.womenfamily.registry.beneficiary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BeneficiaryResourceTest {

    private static final String PATH = "/api/registry/beneficiaries";

    static String caseworker() {
        return TestTokens.forRoles("caseworker-5", "caseworker");
    }

    static String body(String code, String first, String last) {
        return "{\"nationalCode\":\"" + code + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\"}";
    }

    @Test
    void registersAndReadsAWoman() {
        String code = NationalCodes.random();
        String location = given().auth().oauth2(caseworker()).contentType(ContentType.JSON)
            .body(body(code, "زهرا", "محمدی"))
            .when().post(PATH)
            .then().statusCode(201)
            .header("Location", containsString(PATH + "/"))
            .body("nationalCode", equalTo(code))
            .body("registeredOn", matchesPattern("1[0-9]{3}-[0-9]{2}-[0-9]{2}"))
            .extract().header("Location");

        given().auth().oauth2(caseworker())
            .when().get(location)
            .then().statusCode(200)
            .body("firstName", equalTo("زهرا"))
            .body("lastName", equalTo("محمدی"));
    }

    @Test
    void theSameCodeInPersianDigitsIsTheSameWoman() {
        String code = NationalCodes.random();
        given().auth().oauth2(caseworker()).contentType(ContentType.JSON).body(body(code, "مریم", "احمدی"))
            .post(PATH).then().statusCode(201);

        given().auth().oauth2(caseworker()).contentType(ContentType.JSON)
            .body(body(NationalCodes.persian(code), "مريم", "احمدي"))
            .when().post(PATH)
            .then().statusCode(409)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/beneficiary-exists"))
            .body("status", equalTo(409));
    }

    @Test
    void anInvalidNationalCodeIsA400WithItsFieldInEitherLanguage() {
        given().auth().oauth2(caseworker()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(body("0012345678", "سارا", "رضایی"))
            .when().post(PATH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("title", equalTo("The submitted data is not valid"))
            .body("errors.field", hasItem("nationalCode"))
            .body("errors.message", hasItem(startsWith("Not a valid national code")));

        given().auth().oauth2(caseworker()).contentType(ContentType.JSON)
            .body(body("0012345678", "سارا", "رضایی"))
            .when().post(PATH)
            .then().statusCode(400)
            .body("title", equalTo("داده‌های ارسالی معتبر نیست"))
            .body("errors.field", hasItem("nationalCode"));
    }

    @Test
    void missingFieldsAreNamed() {
        given().auth().oauth2(caseworker()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body("{\"nationalCode\":\"0012345679\"}")
            .when().post(PATH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem("firstName"))
            .body("errors.field", hasItem("lastName"));
    }

    @Test
    void unreadableJsonIsA400Problem() {
        given().auth().oauth2(caseworker()).contentType(ContentType.JSON).body("{\"nationalCode\": ")
            .when().post(PATH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/malformed-json"));
    }

    @Test
    void anUnknownWomanIsA404Problem() {
        given().auth().oauth2(caseworker()).header("Accept-Language", "en")
            .when().get(PATH + "/6f1b7c1e-0000-4000-8000-000000000000")
            .then().statusCode(404)
            .contentType("application/problem+json")
            .body("detail", containsString("woman head of household"))
            .body("requestId", notNullValue());
    }

    @Test
    void theFrameworksOwnErrorsAreProblemsToo() {
        given().auth().oauth2(caseworker())
            .when().delete(PATH)
            .then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(caseworker()).contentType(ContentType.TEXT).body("hello")
            .when().post(PATH)
            .then().statusCode(415).contentType("application/problem+json");
        given().when().get("/no/such/route")
            .then().statusCode(404).contentType("application/problem+json");
        // a malformed id is the client's mistake, named, not a missing route
        given().auth().oauth2(caseworker()).when().get(PATH + "/not-a-uuid")
            .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));
    }

    @Test
    void theRequestIdIsEchoedOrGenerated() {
        given().auth().oauth2(caseworker()).header("X-Request-Id", "req-123")
            .when().get(PATH + "/6f1b7c1e-0000-4000-8000-000000000000")
            .then().header("X-Request-Id", equalTo("req-123")).body("requestId", equalTo("req-123"));
        given().auth().oauth2(caseworker())
            .when().get(PATH + "/6f1b7c1e-0000-4000-8000-000000000000")
            .then().header("X-Request-Id", notNullValue());
    }
}
