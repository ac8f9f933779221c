package ir.tehran.womenfamily.bazaar.venue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VenueResourceTest {

    /** Other tests add venues of kind OTHER; the seeded parks and metro stations are the exhibition's. */
    @Test
    void theTwentiethExhibitionsVenuesArePublicAndCover4032SquareMetres() {
        List<Integer> parks = given().queryParam("kind", "PARK").when().get("/api/bazaar/venues")
            .then().statusCode(200)
            .body("items.nameEn", hasItem("Goftogu Park"))
            .extract().path("items.areaM2");
        List<Integer> metro = given().queryParam("kind", "METRO_STATION").when().get("/api/bazaar/venues")
            .then().statusCode(200)
            .body("items.nameFa", hasItem("ایستگاه مترو تجریش"))
            .extract().path("items.areaM2");
        assertEquals(20, parks.size() + metro.size());
        assertEquals(4032, parks.stream().mapToInt(Integer::intValue).sum()
            + metro.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void eachVenueShowsItsStallInventory() {
        given().queryParam("kind", "PARK").when().get("/api/bazaar/venues")
            .then().statusCode(200)
            .body("items.find { it.code == 'goftogu-park' }.totalStalls", equalTo(100))
            .body("items.find { it.code == 'goftogu-park' }.stallTypes.find { it.code == 'kitchen' }.cooking",
                equalTo(true))
            .body("items.find { it.code == 'metro-tajrish' }", org.hamcrest.Matchers.nullValue());
        given().queryParam("kind", "METRO_STATION").when().get("/api/bazaar/venues")
            .then().body("items.find { it.code == 'metro-tajrish' }.metroStation", equalTo("tajrish"))
            .body("items.find { it.code == 'metro-tajrish' }.stallTypes.findAll { it.cooking }", hasSize(0));
    }

    @Test
    void onlyACoordinatorAddsAVenueAndItsStallsMustFitItsArea() {
        java.util.Map<String, Object> body = new java.util.HashMap<>(java.util.Map.of("code", "tiny-hall",
            "kind", "CULTURAL_CENTRE", "nameFa", "فرهنگسرای کوچک", "nameEn", "Tiny hall", "district", 6,
            "latitude", 35.72, "longitude", 51.40, "areaM2", 30,
            "stallTypes", List.of(java.util.Map.of("code", "standard", "sizeM2", 6, "count", 10, "power", false,
                "cooking", false, "shelter", true))));
        given().contentType("application/json").body(body).post("/api/bazaar/venues").then().statusCode(401);
        given().auth().oauth2(ir.tehran.womenfamily.localstack.TestTokens.forRoles("p", "producer"))
            .contentType("application/json").body(body).post("/api/bazaar/venues").then().statusCode(403);
        given().auth().oauth2(ir.tehran.womenfamily.bazaar.TestData.coordinator()).header("Accept-Language", "en")
            .contentType("application/json").body(body).post("/api/bazaar/venues")
            .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("stallTypes"));
    }

    @Test
    void thirteenMetroStationsAndSevenParks() {
        given().queryParam("kind", "METRO_STATION").when().get("/api/bazaar/venues")
            .then().statusCode(200).body("items", hasSize(13));
        given().queryParam("kind", "PARK").when().get("/api/bazaar/venues")
            .then().statusCode(200).body("items", hasSize(7));
    }

    @Test
    void filtersByDistrict() {
        given().queryParam("district", 22).when().get("/api/bazaar/venues")
            .then().statusCode(200).body("items.district", everyItem(equalTo(22)));
    }

    @Test
    void aDistrictOutsideTehransTwentyTwoIsA400WithItsParameter() {
        given().queryParam("district", 23).header("Accept-Language", "en").when().get("/api/bazaar/venues")
            .then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("district"));
    }

    @Test
    void anUnknownKindIsA400ProblemNamingTheParameter() {
        given().queryParam("kind", "CASTLE").when().get("/api/bazaar/venues")
            .then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("kind"));
    }
}
