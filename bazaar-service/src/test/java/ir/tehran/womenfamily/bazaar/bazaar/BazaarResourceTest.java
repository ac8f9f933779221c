package ir.tehran.womenfamily.bazaar.bazaar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.support.jalali.Days;
import org.junit.jupiter.api.Test;

/** Creating bazaars, their lifecycle, dates in Jalali, double booking, and who may do what. */
@QuarkusTest
class BazaarResourceTest {

    private static Map<String, Object> body(String venue, Object start, Object end) {
        Map<String, Object> b = new HashMap<>();
        b.put("kind", "SEASONAL");
        b.put("nameFa", "بازارچهٔ بهاری");
        b.put("nameEn", "Spring bazaar");
        b.put("startDate", start);
        b.put("endDate", end);
        b.put("venues", List.of(Map.of("venueId", venue, "stallsPerDay", 2, "categoryCapPercent", 50)));
        return b;
    }

    @Test
    void jalaliDatesInPersianDigitsGoInAndBothFormsComeOut() {
        String venue = TestData.venue(3, 1, 0, 7);
        LocalDate start = TestData.today().plusDays(200);
        String fa = Days.jalali(start).chars().mapToObj(c -> Character.isDigit(c)
            ? String.valueOf((char) ('\u06F0' + c - '0')) : String.valueOf((char) c)).reduce("", String::concat);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .body(body(venue, fa, Days.jalali(start.plusDays(1))))
            .post("/api/bazaar/bazaars").then().statusCode(201)
            .body("startDate", equalTo(start.toString()))
            .body("startDateJalali", equalTo(Days.jalali(start)))
            .body("status", equalTo("DRAFT"))
            .body("totalStallDays", equalTo(4))
            .body("venues[0].days[1].dayJalali", equalTo(Days.jalali(start.plusDays(1))));
    }

    @Test
    void oneFieldPerDateTakesEitherFormAndAFormerJalaliTwinIsRefused() {
        String venue = TestData.venue(3, 1, 0, 7);
        LocalDate start = TestData.today().plusDays(230);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .body(body(venue, Days.jalali(start).replace('-', '/'), start.plusDays(2).toString()))
            .post("/api/bazaar/bazaars").then().statusCode(201)
            .body("startDate", equalTo(start.toString()))
            .body("endDate", equalTo(start.plusDays(2).toString()))
            .body("endDateJalali", equalTo(Days.jalali(start.plusDays(2))));

        Map<String, Object> twin = body(venue, null, null);
        twin.put("startDateJalali", Days.jalali(start));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(twin).post("/api/bazaar/bazaars").then().statusCode(400).contentType("application/problem+json")
            .body("errors[0].field", equalTo("startDateJalali"))
            .body("errors[0].message", org.hamcrest.Matchers.containsString("startDate"));

        for (String noSuchDay : List.of("1403/12/31", "2025-02-30")) {
            given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
                .body(body(venue, noSuchDay, start.toString())).post("/api/bazaar/bazaars").then().statusCode(400)
                .body("type", equalTo("https://women-family.tehran.ir/problems/validation"))
                .body("errors[0].field", equalTo("startDate"));
        }
    }

    @Test
    void aVenuesStallsAreNeverBookedTwiceOnADay() {
        String venue = TestData.venue(3, 1, 0, 7);
        LocalDate start = TestData.today().plusDays(300);
        Map<String, Object> first = body(venue, Days.jalali(start), Days.jalali(start.plusDays(2)));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(first)
            .post("/api/bazaar/bazaars").then().statusCode(201);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(body(venue, Days.jalali(start.plusDays(2)), Days.jalali(start.plusDays(3))))
            .post("/api/bazaar/bazaars").then().statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/venue-double-booked"));
    }

    @Test
    void illegalTransitionsAre409Problems() {
        String bazaar = TestData.bazaar("MONTHLY", TestData.today().plusDays(400), 1,
            List.of(TestData.venue(2, 0, 0, 3)));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(Map.of("to", "RUNNING")).post("/api/bazaar/bazaars/" + bazaar + "/transitions")
            .then().statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/illegal-transition"))
            .body("detail", equalTo("A bazaar cannot go from DRAFT to RUNNING."));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .body(Map.of("to", "PUBLISHED")).post("/api/bazaar/bazaars/" + bazaar + "/transitions")
            .then().statusCode(409).body("type", equalTo(
                "https://women-family.tehran.ir/problems/publish-through-allocation"));
        TestData.move(bazaar, "OPEN");
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .body(Map.of("to", "OPEN")).post("/api/bazaar/bazaars/" + bazaar + "/transitions")
            .then().statusCode(409);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .body(Map.of()).post("/api/bazaar/bazaars/" + bazaar + "/allocations")
            .then().statusCode(409).body("type", equalTo("https://women-family.tehran.ir/problems/not-allocating"));
    }

    @Test
    void invalidInputNamesItsFields() {
        Map<String, Object> b = body(UUID.randomUUID().toString(), "1402-13-01", "1402-12-20");
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(b).post("/api/bazaar/bazaars").then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("startDate"));
        Map<String, Object> noKind = body(UUID.randomUUID().toString(), "1410-01-01", "1410-01-02");
        noKind.remove("kind");
        noKind.put("id", UUID.randomUUID().toString());
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .body(noKind).post("/api/bazaar/bazaars").then().statusCode(400)
            .body("errors.field", hasItem("id"));
    }

    @Test
    void applicationsAreCheckedAgainstTheBazaarAndTheirOwner() {
        LocalDate day = TestData.today().plusDays(500);
        String venue = TestData.venue(2, 0, 0, 3);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(venue));
        UUID business = TestData.registeredBusiness("pottery", 3, true);
        Map<String, Object> apply = new HashMap<>(Map.of("businessId", business.toString(),
            "venuePreferences", List.of(venue), "days", List.of(day.toString()), "stalls", 1));
        // not open yet
        given().auth().oauth2(TestData.producer(business)).contentType(ContentType.JSON).body(apply)
            .post("/api/bazaar/bazaars/" + bazaar + "/applications").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/applications-closed"));
        TestData.move(bazaar, "OPEN");
        // for a business her token does not name: 404, as if it did not exist
        given().auth().oauth2(TestData.producer(UUID.randomUUID())).contentType(ContentType.JSON).body(apply)
            .post("/api/bazaar/bazaars/" + bazaar + "/applications").then().statusCode(404);
        Map<String, Object> wrongDay = new HashMap<>(apply);
        wrongDay.put("days", List.of(day.plusDays(1).toString()));
        wrongDay.put("stalls", 3);
        given().auth().oauth2(TestData.producer(business)).contentType(ContentType.JSON).body(wrongDay)
            .header("Accept-Language", "en").post("/api/bazaar/bazaars/" + bazaar + "/applications")
            .then().statusCode(400).body("errors.field", hasItem("stalls"));
        wrongDay.put("stalls", 1);
        given().auth().oauth2(TestData.producer(business)).contentType(ContentType.JSON).body(wrongDay)
            .post("/api/bazaar/bazaars/" + bazaar + "/applications")
            .then().statusCode(400).body("errors.field", hasItem("days[0]"));
        given().auth().oauth2(TestData.producer(business)).contentType(ContentType.JSON).body(apply)
            .post("/api/bazaar/bazaars/" + bazaar + "/applications").then().statusCode(201)
            .body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(TestData.producer(business)).contentType(ContentType.JSON).body(apply)
            .post("/api/bazaar/bazaars/" + bazaar + "/applications").then().statusCode(409);
    }

    @Test
    void whoMayDoWhat() {
        given().get("/api/bazaar/bazaars").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRoles("cw", "caseworker")).get("/api/bazaar/bazaars")
            .then().statusCode(403);
        given().auth().oauth2(TestData.producer(UUID.randomUUID())).get("/api/bazaar/bazaars").then().statusCode(403);
        given().auth().oauth2(TestData.partnerApp("registry.read")).get("/api/bazaar/bazaars").then().statusCode(403);
        given().auth().oauth2(TestData.partnerApp("openid bazaar.read")).get("/api/bazaar/bazaars")
            .then().statusCode(200);
        given().auth().oauth2(TestData.partnerApp("bazaar.read")).contentType(ContentType.JSON)
            .body(body(UUID.randomUUID().toString(), "1410-01-01", "1410-01-02"))
            .post("/api/bazaar/bazaars").then().statusCode(403);
        given().auth().oauth2(TestTokens.token().subject("x").groups("bazaar-coordinator").expired().sign())
            .get("/api/bazaar/bazaars").then().statusCode(401);
        given().get("/api/bazaar/bazaars/occasions").then().statusCode(200).body("items.code", hasItem("yalda"));
        given().get("/api/bazaar/asyncapi").then().statusCode(200)
            .body(org.hamcrest.Matchers.containsString("bazaar.allocation"));
    }

    @Test
    void aNewOccasionIsAt201sLocation() {
        String code = "occ-" + UUID.randomUUID().toString().substring(0, 8);
        io.restassured.response.Response created = given().auth().oauth2(TestData.admin())
            .contentType(ContentType.JSON).body(Map.of("code", code, "nameFa", "جشن", "nameEn", "Festival"))
            .post("/api/bazaar/bazaars/occasions");
        created.then().statusCode(201).body("code", equalTo(code));
        String location = created.header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.endsWith("/api/bazaar/bazaars/occasions/" + code),
            location);
        given().get(location).then().statusCode(200).body("nameEn", equalTo("Festival"));
        given().get("/api/bazaar/bazaars/occasions/no-such-occasion").then().statusCode(404);
    }

    /**
     * Occasions are a collection of their own ({@code /occasions}); the paths under {@code /bazaars/occasions},
     * whose {@code {code}} matched the same URLs as a bazaar's own paths, still answer, marked deprecated.
     */
    @Test
    void occasionsLiveAtTheirOwnPathAndTheOldOnesAnswerDeprecated() {
        String code = "sales-" + UUID.randomUUID().toString().substring(0, 8);
        given().get("/api/bazaar/occasions/" + code).then().statusCode(404);
        io.restassured.response.Response created = given().auth().oauth2(TestData.admin())
            .contentType(ContentType.JSON).body(Map.of("code", code, "nameFa", "فروش", "nameEn", "Sales"))
            .post("/api/bazaar/occasions");
        created.then().statusCode(201).body("code", equalTo(code))
            .header("Deprecation", org.hamcrest.Matchers.nullValue());
        String location = created.header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.endsWith("/api/bazaar/occasions/" + code), location);
        given().get(location).then().statusCode(200).body("nameEn", equalTo("Sales"))
            .header("Deprecation", org.hamcrest.Matchers.nullValue());
        given().get("/api/bazaar/occasions").then().statusCode(200).body("items.code", hasItem(code))
            .body("items.code", hasItem("yalda"));

        // the old paths: the same answers, with Deprecation and Sunset
        given().get("/api/bazaar/bazaars/occasions/" + code).then().statusCode(200).body("nameEn", equalTo("Sales"))
            .header("Deprecation", org.hamcrest.Matchers.startsWith("@"))
            .header("Sunset", org.hamcrest.Matchers.notNullValue());
        given().get("/api/bazaar/bazaars/occasions").then().statusCode(200).body("items.code", hasItem(code))
            .header("Deprecation", org.hamcrest.Matchers.startsWith("@"));
        given().auth().oauth2(TestData.admin()).contentType(ContentType.JSON)
            .body(Map.of("code", code, "nameFa", "فروش", "nameEn", "Sales")).post("/api/bazaar/occasions")
            .then().statusCode(409);
    }

    @Test
    void aTokenIssuedInTheFutureIs401() {
        given().auth().oauth2(TestTokens.token().subject("x").groups("bazaar-coordinator")
                .issuedAt(java.time.Instant.now().plus(java.time.Duration.ofMinutes(10))).sign())
            .get("/api/bazaar/bazaars").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token().subject("x").groups("bazaar-coordinator").sign())
            .get("/api/bazaar/bazaars").then().statusCode(200);
    }
}
