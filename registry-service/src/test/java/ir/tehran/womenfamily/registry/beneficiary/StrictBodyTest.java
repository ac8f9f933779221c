package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

/**
 * A body is read exactly as documented or refused (the shared {@code StrictJson} of service-support): each way
 * a lax reader would guess at a registration is a 400 problem naming the field, in the caller's language, and
 * registers nobody. Each case changes one thing in a body that is otherwise accepted.
 */
@QuarkusTest
class StrictBodyTest {

    private static final String CW = RegistryApi.caseworker("cw-strict", 5);

    private static String body(String code, String fields) {
        return "{\"nationalCode\":\"" + code + "\"," + fields + "}";
    }

    private static final String GOOD = "\"firstName\":\"لیلا\",\"lastName\":\"کاظمی\",\"district\":5";

    /** The body with {@code fields} is refused for {@code field} with {@code message}, and nobody is registered. */
    private static void refused(String fields, String field, String message) {
        String code = NationalCodes.random();
        as(CW).body(body(code, fields)).post(BENEFICIARIES).then().statusCode(400)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/malformed-json"))
            .body("errors", hasSize(1))
            .body("errors[0].field", equalTo(field))
            .body("errors[0].message", equalTo(message));
        as(CW).queryParam("nationalCode", code).get(BENEFICIARIES).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theUnchangedBodyIsAccepted() {
        as(CW).body(body(NationalCodes.random(), GOOD)).post(BENEFICIARIES).then().statusCode(201);
    }

    @Test
    void anUnknownFieldIsRefused() {
        refused(GOOD + ",\"favouriteColour\":\"blue\"", "favouriteColour", "This field is not recognised");
    }

    @Test
    void aTextForANumberIsRefused() {
        refused(GOOD.replace("\"district\":5", "\"district\":\"5\""), "district",
            "The value has the wrong JSON type: send a number without quotes and a text in quotes");
    }

    @Test
    void aNumberForATextIsRefused() {
        refused(GOOD.replace("\"firstName\":\"لیلا\"", "\"firstName\":5"), "firstName",
            "The value has the wrong JSON type: send a number without quotes and a text in quotes");
    }

    @Test
    void aFieldNamedTwiceIsRefused() {
        refused(GOOD + ",\"lastName\":\"احمدی\"", "lastName", "This field appears more than once");
    }

    @Test
    void aNulCharacterIsRefused() {
        refused(GOOD.replace("لیلا", "لی\\u0000لا"), "firstName",
            "The text holds a NUL character or a lone surrogate, which no text may hold");
    }

    @Test
    void aLoneSurrogateIsRefused() {
        refused(GOOD.replace("کاظمی", "کاظمی\\ud800"), "lastName",
            "The text holds a NUL character or a lone surrogate, which no text may hold");
    }

    @Test
    void theProblemIsInPersianByDefault() {
        String code = NationalCodes.random();
        io.restassured.RestAssured.given().auth().oauth2(CW).contentType(io.restassured.http.ContentType.JSON)
            .body(body(code, GOOD.replace("\"district\":5", "\"district\":\"5\""))).post(BENEFICIARIES).then()
            .statusCode(400).contentType("application/problem+json")
            .body("errors[0].field", equalTo("district"))
            .body("errors[0].message", equalTo("نوع مقدار نادرست است: عدد را بی‌گیومه و متن را در گیومه بفرستید"));
    }
}
