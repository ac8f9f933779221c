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

    @Test
    void theTwentiethExhibitionsVenuesArePublicAndCover4032SquareMetres() {
        List<Integer> areas = given().when().get("/api/bazaar/venues")
            .then().statusCode(200)
            .body("$", hasSize(20))
            .body("nameEn", hasItem("Goftogu Park"))
            .body("nameFa", hasItem("ایستگاه مترو تجریش"))
            .extract().path("areaM2");
        assertEquals(4032, areas.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void thirteenMetroStationsAndSevenParks() {
        given().queryParam("kind", "METRO_STATION").when().get("/api/bazaar/venues")
            .then().statusCode(200).body("$", hasSize(13));
        given().queryParam("kind", "PARK").when().get("/api/bazaar/venues")
            .then().statusCode(200).body("$", hasSize(7));
    }

    @Test
    void filtersByDistrict() {
        given().queryParam("district", 22).when().get("/api/bazaar/venues")
            .then().statusCode(200).body("district", everyItem(equalTo(22)));
    }

    @Test
    void aDistrictOutsideTehransTwentyTwoIsA400WithItsParameter() {
        given().queryParam("district", 23).header("Accept-Language", "en").when().get("/api/bazaar/venues")
            .then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("district"));
    }

    @Test
    void anUnknownKindIsA4xxProblem() {
        given().queryParam("kind", "CASTLE").when().get("/api/bazaar/venues")
            .then().statusCode(404).contentType("application/problem+json");
    }
}
