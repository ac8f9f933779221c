package ir.tehran.womenfamily.registry.work.renovation;

import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RenovationTest {

    private static final String RENOVATIONS = "/api/registry/centre-renovations";
    private static final String CENTRES = "/api/registry/workshop-centres/";

    private final String admin = RegistryApi.admin();

    @Test
    void aRenovationIsPlannedStartedAndFinishedAndTheCentreFollows() {
        String centre = centre();
        String id = as(admin).body(Map.of("centreId", centre, "plan", "بازسازی سالن دوخت و سیستم گرمایش",
                "budgetRials", 8_500_000_000L, "startsOn", "۱۴۰۶/۰۴/۰۱", "endsOn", "2027-08-22"))
            .post(RENOVATIONS).then().statusCode(201)
            .body("state", equalTo("PLANNED")).body("startsOn", equalTo("2027-06-22"))
            .body("endsOnJalali", equalTo("1406-05-31")).extract().path("id");
        as(admin).get(CENTRES + centre).then().body("renovationState", equalTo("PLANNED"));
        as(admin).queryParam("centreId", centre).get(RENOVATIONS).then().statusCode(200)
            .body("items.id", equalTo(List.of(id)));

        String etag = as(admin).get(RENOVATIONS + "/" + id).then().statusCode(200).extract().header("ETag");
        as(admin).body(Map.of("endsOn", "1406-06-15")).patch(RENOVATIONS + "/" + id).then().statusCode(428);
        as(admin).header("If-Match", etag).body(Map.of("endsOn", "1406-06-15")).patch(RENOVATIONS + "/" + id).then()
            .statusCode(200).body("endsOnJalali", equalTo("1406-06-15"));
        as(admin).header("If-Match", etag).body(Map.of("endsOn", "1406-06-20")).patch(RENOVATIONS + "/" + id).then()
            .statusCode(412);

        move(id, "DONE", null).statusCode(409).body("title", equalTo("This change of state is not allowed"));
        move(id, "IN_PROGRESS", "1406-04-03").statusCode(200).body("startsOnJalali", equalTo("1406-04-03"));
        as(admin).get(CENTRES + centre).then().body("renovationState", equalTo("IN_PROGRESS"));
        move(id, "DONE", "1406-06-10").statusCode(200).body("endsOnJalali", equalTo("1406-06-10"));
        as(admin).get(CENTRES + centre).then().body("renovationState", equalTo("DONE"));
        move(id, "PLANNED", null).statusCode(409);
        as(admin).header("If-Match", "\"99\"").body(Map.of("plan", "x")).patch(RENOVATIONS + "/" + id).then()
            .statusCode(412);
    }

    @Test
    void twoRenovationsOfOneCentreCannotOverlapAndACancelledOneFreesItsDays() {
        String centre = centre();
        String first = plan(centre, "1406-07-01", "1406-07-30").statusCode(201).extract().path("id");
        plan(centre, "1406-07-20", "1406-08-10").statusCode(409).body("type", containsString("renovation-overlaps"));
        move(first, "CANCELLED", null).statusCode(200);
        as(admin).get(CENTRES + centre).then().body("renovationState", equalTo("NOT_PLANNED"));
        plan(centre, "1406-07-20", "1406-08-10").statusCode(201);
    }

    @Test
    void badDatesAndUnknownCentresAreRefusedWithTheField() {
        String centre = centre();
        plan(centre, "1406-07-10", "1406-07-01").statusCode(400).body("errors.field", hasItem("endsOn"));
        plan(centre, "1406-12-30", "1407-01-10").statusCode(400).body("errors.field", hasItem("startsOn"));
        plan(UUID.randomUUID().toString(), "1406-07-01", "1406-07-10").statusCode(400)
            .body("errors.field", hasItem("centreId"));
    }

    @Test
    void caseworkersReadRenovationsButOnlyAdminsPlanThem() {
        String centre = centre();
        String cw = RegistryApi.caseworker("cw-renovation", 6);
        as(cw).queryParam("centreId", centre).get(RENOVATIONS).then().statusCode(200);
        as(cw).body(Map.of("centreId", centre, "plan", "x", "startsOn", "1406-07-01", "endsOn", "1406-07-10"))
            .post(RENOVATIONS).then().statusCode(403).contentType("application/problem+json");
        io.restassured.RestAssured.given().get(RENOVATIONS).then().statusCode(401);
    }

    private io.restassured.response.ValidatableResponse plan(String centre, String from, String to) {
        return as(admin).body(Map.of("centreId", centre, "plan", "بازسازی", "startsOn", from, "endsOn", to))
            .post(RENOVATIONS).then();
    }

    private io.restassured.response.ValidatableResponse move(String id, String to, String on) {
        Map<String, String> body = on == null ? Map.of("to", to) : Map.of("to", to, "on", on);
        String etag = as(admin).get(RENOVATIONS + "/" + id).then().statusCode(200).extract().header("ETag");
        return as(admin).header("If-Match", etag).body(body).post(RENOVATIONS + "/" + id + "/transitions").then();
    }

    private String centre() {
        String code = "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return as(admin).body(Map.of("code", code, "name", "مرکز کوثر " + code, "district", 6, "capacity", 30,
                "builtYear", 1385))
            .post("/api/registry/workshop-centres").then().statusCode(201).extract().path("id");
    }
}
