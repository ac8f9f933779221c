package ir.tehran.womenfamily.sponsorship.benefactor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BenefactorResourceTest {

    private static final String PATH = "/api/sponsorship/benefactors";

    @Test
    void aBenefactorIsFoundByHerNameInAnySpellingAndHerPreferencesAreReplaced() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var created = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"kind\":\"ORGANISATION\",\"displayName\":\"بنياد نيكوكاري " + suffix + "\","
                + "\"phone\":\"۰۹۱۲ ۱۲۳ ۴۵۶۷\",\"email\":\"Info@Example.ORG\","
                + "\"preferences\":{\"minAge\":10,\"maxAge\":14,\"gender\":\"FEMALE\",\"districts\":[7,3,7]}}")
            .post(PATH).then().statusCode(201)
            .body("displayName", equalTo("بنیاد نیکوکاری " + suffix))
            .body("phone", equalTo("09121234567"))
            .body("email", equalTo("info@example.org"))
            .body("preferences.districts", contains(3, 7))
            .extract();
        String id = created.path("id");
        given().auth().oauth2(Tokens.officer()).queryParam("q", "نیکوکاری " + suffix).get(PATH).then()
            .statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
            .body("{\"gender\":\"MALE\",\"districts\":[]}")
            .put(PATH + "/" + id + "/preferences").then().statusCode(200)
            .body("preferences.gender", equalTo("MALE"))
            .body("preferences.minAge", equalTo(null));
    }

    @Test
    void invalidBenefactorsAre400sWithTheirFields() {
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"kind\":\"PERSON\",\"displayName\":\" \",\"email\":\"not-an-email\","
                + "\"preferences\":{\"minAge\":12,\"maxAge\":30,\"districts\":[0]}}")
            .post(PATH).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItems("displayName", "email", "preferences.maxAge"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"kind\":\"PERSON\",\"displayName\":\"x\",\"preferences\":{\"minAge\":12,\"maxAge\":10}}")
            .post(PATH).then().statusCode(400).body("errors.field", hasItem("preferences.maxAge"));
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Tokens.sponsor(UUID.randomUUID())).get(PATH).then().statusCode(403);
    }

    @Test
    void preferencesAreReplacedOnlyWithTheBenefactorsCurrentETagAndARereadIsA304() {
        String id = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"kind\":\"PERSON\",\"displayName\":\"نیکوکار نسخه\"}").post(PATH).then().statusCode(201)
            .extract().path("id");
        String read = given().auth().oauth2(Tokens.officer()).get(PATH + "/" + id).then().statusCode(200)
            .extract().header("ETag");
        given().auth().oauth2(Tokens.officer()).header("If-None-Match", read).get(PATH + "/" + id).then()
            .statusCode(304);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"minAge\":8}")
            .put(PATH + "/" + id + "/preferences").then().statusCode(428)
            .contentType("application/problem+json");
        String changed = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .header("If-Match", read).body("{\"minAge\":8}")
            .put(PATH + "/" + id + "/preferences").then().statusCode(200).body("preferences.minAge", equalTo(8))
            .extract().header("ETag");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", read)
            .body("{\"minAge\":9}").put(PATH + "/" + id + "/preferences").then().statusCode(412)
            .contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).header("If-None-Match", read).get(PATH + "/" + id).then()
            .statusCode(200).header("ETag", equalTo(changed)).body("preferences.minAge", equalTo(8));
    }
}
