package ir.tehran.womenfamily.sponsorship.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/**
 * An officer whose token names her districts sees the children of those districts only: another district's
 * child, and everything hanging on her, is not found (404), never forbidden, so she learns nothing of them.
 */
@QuarkusTest
class OfficerDistrictsTest {

    private static final String API = "/api/sponsorship";

    @Test
    void anOfficerOfDistrictFiveCannotReadAChildOfDistrictTwelve() {
        UUID mother = UUID.randomUUID();
        UUID inTwelve = UUID.randomUUID();
        RegistryFeed.childAdded(inTwelve, mother, RegistryFeed.bornAged(12), "FEMALE", 6, 12);
        UUID inFive = RegistryFeed.newChild(12, "FEMALE", 5);
        RegistryFeed.awaitChildren(List.of(inTwelve));
        String five = Tokens.officerOf(5);
        String twelve = Tokens.officerOf(12);

        for (String path : List.of("/children/" + inTwelve, "/children/" + inTwelve + "/history",
                "/children/" + inTwelve + "/assessments", "/children/" + inTwelve + "/term-reports",
                "/children/" + inTwelve + "/risk", "/children/" + inTwelve + "/school-applications",
                "/mothers/" + mother)) {
            given().auth().oauth2(five).get(API + path).then().statusCode(404)
                .contentType("application/problem+json");
        }
        given().auth().oauth2(five).contentType(ContentType.JSON)
            .body("{\"grades\":{\"MATHEMATICS\":12},\"schoolDays\":100,\"absentDays\":2}")
            .put(API + "/children/" + inTwelve + "/term-reports/1403/1").then().statusCode(404);
        given().auth().oauth2(twelve).get(API + "/children/" + inTwelve).then().statusCode(200)
            .body("district", equalTo(12));
        given().auth().oauth2(twelve).get(API + "/mothers/" + mother + "/children").then().statusCode(200)
            .body("items.id", hasItem(inTwelve.toString()));
        given().auth().oauth2(five).get(API + "/mothers/" + mother + "/children").then().statusCode(200)
            .body("items.id", not(hasItem(inTwelve.toString())));
        given().auth().oauth2(five).get(API + "/children/" + inFive).then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).get(API + "/children/" + inTwelve).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).get(API + "/children/" + inTwelve).then().statusCode(200);

        // lists hold her districts only, even when another district is asked for
        given().auth().oauth2(five).queryParam("limit", 200).get(API + "/children").then().statusCode(200)
            .body("items.district", everyItem(equalTo(5)))
            .body("items.id", hasItem(inFive.toString()));
        given().auth().oauth2(five).queryParam("district", 12).get(API + "/children").then().statusCode(200)
            .body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(Tokens.officerOf(5, 12)).queryParam("limit", 200).get(API + "/children").then()
            .statusCode(200).body("items.district", everyItem(in(List.of(5, 12))));
    }

    @Test
    void pledgesOfAnotherDistrictsChildAreNotFoundAndCannotBeMade() {
        UUID inTwelve = RegistryFeed.newChild(10, "MALE", 12);
        UUID sponsor = Sponsors.newBenefactor("فرشته", null);
        UUID pledge = Sponsors.sponsor(sponsor, inTwelve, "EDUCATION", 3_000_000);
        String five = Tokens.officerOf(5);

        given().auth().oauth2(five).get(API + "/pledges/" + pledge).then().statusCode(404);
        given().auth().oauth2(five).get(API + "/pledges/" + pledge + "/ledger").then().statusCode(404);
        given().auth().oauth2(five).get(API + "/pledges/" + pledge + "/instalments").then().statusCode(404);
        given().auth().oauth2(five).contentType(ContentType.JSON).body("{\"amountRials\":1000}")
            .post(API + "/pledges/" + pledge + "/receipts").then().statusCode(404);
        given().auth().oauth2(five).queryParam("sponsorId", sponsor).get(API + "/pledges").then().statusCode(200)
            .body("items.id", not(hasItem(pledge.toString())));
        given().auth().oauth2(Tokens.officerOf(12)).queryParam("sponsorId", sponsor).get(API + "/pledges").then()
            .statusCode(200).body("items.id", hasItem(pledge.toString()));

        UUID other = Sponsors.newBenefactor("پروانه", null);
        given().auth().oauth2(five).contentType(ContentType.JSON)
            .body(Sponsors.pledgeBody(other, inTwelve, "COURSE", "ONE_OFF", 1_000_000, null))
            .post(API + "/pledges").then().statusCode(400).body("errors.field", hasItem("childId"));
        // matching offers her only children of her districts
        given().auth().oauth2(five).queryParam("sponsorId", other).queryParam("purpose", "GENERAL")
            .queryParam("limit", 100).get(API + "/matching/candidates").then().statusCode(200)
            .body("items.district", everyItem(equalTo(5)));
        // coverage rows are her districts'
        given().auth().oauth2(five).get(API + "/coverage").then().statusCode(200)
            .body("rows.district", everyItem(equalTo(5)));
    }

    @Test
    void anAgeOutRunTellsAnOfficerOnlyOfHerDistrictsChildren() {
        UUID inFive = RegistryFeed.newChild(20, "FEMALE", 5);
        UUID inTwelve = RegistryFeed.newChild(20, "MALE", 12);
        given().auth().oauth2(Tokens.officerOf(5)).post(API + "/roster/age-out-runs").then().statusCode(200)
            .body("children", hasItem(inFive.toString()))
            .body("children", not(hasItem(inTwelve.toString())));
        // the run itself is city-wide: the other district's child aged out too
        given().auth().oauth2(Tokens.admin()).get(API + "/children/" + inTwelve).then().statusCode(200)
            .body("status", equalTo("AGED_OUT"));
    }

    @Test
    void aTokenWhoseDistrictsCannotBeReadSeesNoChild() {
        UUID inFive = RegistryFeed.newChild(9, "MALE", 5);
        String garbled = ir.tehran.womenfamily.localstack.TestTokens.token().subject("officer-garbled")
            .groups("sponsorship-officer").claim("districts", List.of("five")).sign();
        given().auth().oauth2(garbled).get(API + "/children/" + inFive).then().statusCode(404);
        given().auth().oauth2(garbled).get(API + "/children").then().statusCode(200)
            .body("items", org.hamcrest.Matchers.hasSize(0));
    }

    /** A course of a district ({@code null}: city-wide), created by a city-wide officer. */
    private static UUID programme(Integer district) {
        String start = RegistryFeed.today().minusDays(7).toString();
        String end = RegistryFeed.today().plusDays(60).toString();
        String body = "{\"kind\":\"SUMMER_COURSE\",\"title\":\"رباتیک\",\"minAge\":8,\"maxAge\":17,"
            + "\"capacity\":20,"
            + "\"startsOn\":\"" + start + "\",\"endsOn\":\"" + end + "\",\"plannedSessions\":4"
            + (district == null ? "" : ",\"district\":" + district) + "}";
        return UUID.fromString(given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(body)
            .post(API + "/programmes").then().statusCode(201).extract().path("id"));
    }

    @Test
    void anOfficerSeesAndRunsOnlyTheProgrammesOfHerDistrictsAndTheCityWideOnes() {
        UUID ofTwelve = programme(12);
        UUID ofFive = programme(5);
        UUID cityWide = programme(null);
        UUID childOfFive = RegistryFeed.newChild(12, "FEMALE", 5);
        String five = Tokens.officerOf(5);

        // another district's programme, and everything hanging on it, is not found
        for (String path : List.of("/programmes/" + ofTwelve, "/programmes/" + ofTwelve + "/enrolments",
                "/programmes/" + ofTwelve + "/sessions")) {
            given().auth().oauth2(five).get(API + path).then().statusCode(404)
                .contentType("application/problem+json");
        }
        given().auth().oauth2(five).contentType(ContentType.JSON).body("{\"childId\":\"" + childOfFive + "\"}")
            .post(API + "/programmes/" + ofTwelve + "/enrolments").then().statusCode(404);
        given().auth().oauth2(five).contentType(ContentType.JSON)
            .body("{\"heldOn\":\"" + RegistryFeed.today() + "\"}")
            .post(API + "/programmes/" + ofTwelve + "/sessions").then().statusCode(404);
        given().auth().oauth2(five).contentType(ContentType.JSON).body("{\"present\":[],\"absent\":[]}")
            .put(API + "/programmes/" + ofTwelve + "/sessions/1/attendance").then().statusCode(404);
        // the list holds hers and the city-wide ones only, even when another district is asked for
        given().auth().oauth2(five).queryParam("kind", "SUMMER_COURSE").queryParam("limit", 200)
            .get(API + "/programmes").then()
            .statusCode(200)
            .body("items.id", hasItem(ofFive.toString())).body("items.id", hasItem(cityWide.toString()))
            .body("items.id", not(hasItem(ofTwelve.toString())));
        given().auth().oauth2(five).queryParam("district", 12).get(API + "/programmes").then().statusCode(200)
            .body("items.size()", equalTo(0));

        // her own district's programme: she reads it, enrols her children, records its sessions
        given().auth().oauth2(five).get(API + "/programmes/" + ofFive).then().statusCode(200);
        given().auth().oauth2(five).contentType(ContentType.JSON).body("{\"childId\":\"" + childOfFive + "\"}")
            .post(API + "/programmes/" + ofFive + "/enrolments").then().statusCode(201);
        given().auth().oauth2(five).contentType(ContentType.JSON)
            .body("{\"heldOn\":\"" + RegistryFeed.today() + "\"}")
            .post(API + "/programmes/" + ofFive + "/sessions").then().statusCode(201);
        // a city-wide one: she reads it and enrols her children, but its sessions are city-wide staff's
        given().auth().oauth2(five).get(API + "/programmes/" + cityWide).then().statusCode(200);
        given().auth().oauth2(five).contentType(ContentType.JSON).body("{\"childId\":\"" + childOfFive + "\"}")
            .post(API + "/programmes/" + cityWide + "/enrolments").then().statusCode(201);
        given().auth().oauth2(five).contentType(ContentType.JSON)
            .body("{\"heldOn\":\"" + RegistryFeed.today() + "\"}")
            .post(API + "/programmes/" + cityWide + "/sessions").then().statusCode(403);

        // she creates programmes of her districts only
        String start = RegistryFeed.today().toString();
        String end = RegistryFeed.today().plusDays(30).toString();
        for (String district : List.of(",\"district\":12", "")) {
            given().auth().oauth2(five).contentType(ContentType.JSON)
                .body("{\"kind\":\"SUMMER_COURSE\",\"title\":\"نقاشی\",\"minAge\":8,\"maxAge\":12,"
                    + "\"capacity\":5,\"startsOn\":\"" + start + "\",\"endsOn\":\"" + end
                    + "\",\"plannedSessions\":2" + district + "}")
                .post(API + "/programmes").then().statusCode(400).body("errors.field", hasItem("district"));
        }
    }
}
