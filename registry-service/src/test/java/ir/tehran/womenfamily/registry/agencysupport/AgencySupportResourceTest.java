package ir.tehran.womenfamily.registry.agencysupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.junit.jupiter.api.Test;

/** What other agencies give a household: recorded and corrected under need to know, totalled per agency. */
@QuarkusTest
class AgencySupportResourceTest {

    private static String support(String agency, String amount, String from, String to, String source) {
        return "{\"agency\":" + agency + ",\"kind\":\"MONTHLY_ALLOWANCE\"," + amount + ",\"from\":\"" + from
            + "\",\"to\":\"" + to + "\",\"source\":\"" + source + "\"}";
    }

    private static final String RELIEF = "{\"kind\":\"RELIEF_COMMITTEE\"}";
    private static final String WELFARE = "{\"kind\":\"WELFARE_ORGANISATION\"}";

    private static ExtractableResponse<Response> record(String token, String woman, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
            .when().post(Women.BASE + woman + "/agency-support").then().extract();
    }

    @Test
    void aCaseworkerRecordsAndCorrectsSupportInWholeJalaliMonths() {
        String cw = Women.caseworker("cw-support");
        String woman = Women.register();
        var created = given().auth().oauth2(cw).contentType(ContentType.JSON)
            .body(support(RELIEF, "\"amountRials\":25000000", "1403/01/17", "۱۴۰۳/۰۶/۰۵", "CASEWORKER"))
            .when().post(Women.BASE + woman + "/agency-support")
            .then().statusCode(201)
            .header("Location", notNullValue())
            .header("ETag", notNullValue())
            .body("agency.kind", equalTo("RELIEF_COMMITTEE"))
            .body("amountRials", equalTo(25000000))
            .body("fromMonth", equalTo("1403-01"))
            .body("toMonth", equalTo("1403-06"))
            .body("from", equalTo(new JalaliDate(1403, 1, 1).toGregorian().toString()))
            .body("fromJalali", equalTo("1403-01-01"))
            .body("toJalali", equalTo("1403-06-31"))
            .body("months", equalTo(6))
            .body("source", equalTo("CASEWORKER"))
            .body("recordedBy", equalTo("cw-support"))
            .extract();
        String id = created.path("id");
        String path = Women.BASE + woman + "/agency-support/" + id;
        String etag = given().auth().oauth2(cw).when().get(path).then().statusCode(200).extract().header("ETag");
        String inKind = "{\"agency\":{\"kind\":\"BENEFACTORS\",\"name\":\"خیریهٔ مهر\"},\"kind\":\"FOOD\","
            + "\"inKindDescription\":\"سبد غذایی\",\"from\":\"2024-04-01\",\"to\":\"2024-04-01\","
            + "\"source\":\"AGENCY\"}";
        given().auth().oauth2(cw).contentType(ContentType.JSON).body(inKind).when().put(path)
            .then().statusCode(428);
        given().auth().oauth2(cw).contentType(ContentType.JSON).body(inKind).header("If-Match", "\"99\"")
            .when().put(path).then().statusCode(412);
        given().auth().oauth2(cw).contentType(ContentType.JSON).body(inKind).header("If-Match", etag)
            .when().put(path)
            .then().statusCode(200)
            .body("agency.kind", equalTo("BENEFACTORS"))
            .body("inKindDescription", equalTo("سبد غذایی"))
            .body("fromMonth", equalTo("1403-01"))
            .body("toMonth", equalTo("1403-01"))
            .body("source", equalTo("AGENCY"))
            .body("correctedBy", equalTo("cw-support"));
        given().auth().oauth2(cw).when().get(Women.BASE + woman + "/agency-support")
            .then().statusCode(200).body("items", hasSize(1)).body("items[0].amountRials", equalTo(null));
        Women.audit("agency-support", id).then()
            .body("items.action", hasItems("agency-support.record", "agency-support.correct", "agency-support.read"));
    }

    @Test
    void aMalformedRecordIsA400NamingTheField() {
        String cw = Women.caseworker("cw-support");
        String woman = Women.register();
        expect400(cw, woman, support(RELIEF, "\"amountRials\":1000,\"inKindDescription\":\"x\"", "1403-01-01",
            "1403-02-01", "CASEWORKER"), "amountRials", "Either an amount in rials");
        expect400(cw, woman, "{\"agency\":{\"kind\":\"RELIEF_COMMITTEE\"},\"kind\":\"FOOD\",\"from\":\"1403-01-01\","
            + "\"to\":\"1403-02-01\",\"source\":\"CASEWORKER\"}", "amountRials", "Either an amount in rials");
        expect400(cw, woman, support("{\"kind\":\"OTHER\"}", "\"amountRials\":1000", "1403-01-01", "1403-02-01",
            "CASEWORKER"), "agency.name", "An agency of kind OTHER needs a name");
        expect400(cw, woman, support(RELIEF, "\"amountRials\":1000", "1403-05-01", "1403-02-01", "CASEWORKER"),
            "to", "The last month must not come before the first");
        expect400(cw, woman, support(RELIEF, "\"amountRials\":-5", "1403-01-01", "1403-02-01", "CASEWORKER"),
            "amountRials", null);
        expect400(cw, woman, support(RELIEF, "\"amountRials\":5", "1403-13-01", "1403-02-01", "CASEWORKER"),
            "from", null);
    }

    private static void expect400(String token, String woman, String body, String field, String message) {
        var r = given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
            .when().post(Women.BASE + woman + "/agency-support")
            .then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem(field));
        if (message != null) {
            r.body("errors.message", hasItem(org.hamcrest.Matchers.startsWith(message)));
        }
    }

    @Test
    void totalsPerAgencyShowWhereSupportOverlaps() {
        String cw = Women.caseworker("cw-support");
        String woman = Women.register();
        record(cw, woman, support(RELIEF, "\"amountRials\":10000000", "1403-01-01", "1403-06-01", "CASEWORKER"));
        record(cw, woman, support(RELIEF, "\"amountRials\":2000000", "1402-10-01", "1403-01-01", "AGENCY"));
        record(cw, woman, support(WELFARE, "\"amountRials\":5000000", "1403-05-01", "1403-12-01", "AGENCY"));
        record(cw, woman, "{\"agency\":" + WELFARE + ",\"kind\":\"HEALTH\",\"inKindDescription\":\"بیمه\","
            + "\"from\":\"1403-11-01\",\"to\":\"1404-02-01\",\"source\":\"CASEWORKER\"}");
        given().auth().oauth2(cw).queryParam("from", "1403/01/20").queryParam("to", "1403-12-01")
            .when().get(Women.BASE + woman + "/agency-support/totals")
            .then().statusCode(200)
            .body("fromMonth", equalTo("1403-01"))
            .body("toMonth", equalTo("1403-12"))
            .body("fromJalali", equalTo("1403-01-01"))
            // relief: 6 × 10,000,000 + 1 × 2,000,000 (its January only); welfare: 8 × 5,000,000
            .body("totalRials", equalTo(102000000))
            .body("agencies", hasSize(2))
            .body("agencies[0].agency.kind", equalTo("RELIEF_COMMITTEE"))
            .body("agencies[0].records", equalTo(2))
            .body("agencies[0].rials", equalTo(62000000))
            .body("agencies[0].monthsCovered", equalTo(6))
            .body("agencies[0].monthsOverlapping", equalTo(2))
            .body("agencies[1].agency.kind", equalTo("WELFARE_ORGANISATION"))
            .body("agencies[1].records", equalTo(2))
            .body("agencies[1].rials", equalTo(40000000))
            .body("agencies[1].inKind", equalTo(1))
            .body("agencies[1].monthsCovered", equalTo(8))
            .body("agencies[1].monthsOverlapping", equalTo(2));
        given().auth().oauth2(cw).queryParam("from", "1404-01-01").queryParam("to", "1403-01-01")
            .when().get(Women.BASE + woman + "/agency-support/totals")
            .then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(cw).queryParam("from", "1390-01-01").queryParam("to", "1403-01-01")
            .when().get(Women.BASE + woman + "/agency-support/totals")
            .then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void aCaseworkerOutsideHerDistrictsGetsTheNotFoundOfNobody() {
        String admin = Women.admin("supervisor");
        String elsewhere = RegistryApi.register(RegistryApi.admin(), "مریم", "احمدی", 7);
        String id = record(admin, elsewhere, support(RELIEF, "\"amountRials\":1000", "1403-01-01", "1403-01-01",
            "CASEWORKER")).path("id");
        String outsider = Women.caseworker("cw-district-5");
        String base = Women.BASE + elsewhere + "/agency-support";
        given().auth().oauth2(outsider).when().get(base).then().statusCode(404);
        given().auth().oauth2(outsider).when().get(base + "/" + id).then().statusCode(404);
        given().auth().oauth2(outsider).when().get(base + "/totals").then().statusCode(404);
        given().auth().oauth2(outsider).contentType(ContentType.JSON)
            .body(support(RELIEF, "\"amountRials\":1000", "1403-01-01", "1403-01-01", "CASEWORKER"))
            .when().post(base).then().statusCode(404);
        given().auth().oauth2(outsider).contentType(ContentType.JSON).header("If-Match", "\"0\"")
            .body(support(RELIEF, "\"amountRials\":1000", "1403-01-01", "1403-01-01", "CASEWORKER"))
            .when().put(base + "/" + id).then().statusCode(404);
        given().auth().oauth2(admin).when().get(base).then().statusCode(200).body("items", hasSize(1))
            .body("items[0].amountRials", equalTo(1000));
        // a record of another woman is not found under this one
        String mine = Women.register();
        given().auth().oauth2(Women.caseworker("cw-support")).when()
            .get(Women.BASE + mine + "/agency-support/" + id).then().statusCode(404);
    }
}
