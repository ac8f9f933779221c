package ir.tehran.womenfamily.bazaar.conventions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import ir.tehran.womenfamily.bazaar.TestData;
import org.junit.jupiter.api.Test;

/**
 * The shared HTTP conventions as the bazaar answers them: cursor pages with Link, conditional GET,
 * Idempotency-Key on creates, and the delta feeds a phone caches (the public calendar, a producer's
 * applications). If-Match on updates: BazaarVenueEditTest and BazaarFlowTest (footfall).
 */
@QuarkusTest
class BazaarHttpConventionsTest {

    @Test
    void aListIsPagedWithANextLinkThatKeepsTheQuery() {
        Response first = given().queryParam("kind", "METRO_STATION").queryParam("limit", 5)
            .get("/api/bazaar/venues");
        first.then().statusCode(200).body("items", hasSize(5)).body("nextCursor", notNullValue());
        String link = first.header("Link");
        assertTrue(link != null && link.endsWith(">; rel=\"next\"") && link.contains("kind=METRO_STATION")
            && link.contains("limit=5") && link.contains("cursor="), link);
        String next = link.substring(1, link.indexOf('>'));
        Response second = given().urlEncodingEnabled(false).get(next);
        second.then().statusCode(200).body("items", hasSize(5)).body("items.kind", not(hasItem("PARK")));
        List<String> firstIds = first.path("items.id");
        List<String> secondIds = second.path("items.id");
        assertTrue(secondIds.stream().noneMatch(firstIds::contains), secondIds.toString());
        // 13 metro stations: the third page is the last, without a Link
        Response third = given().queryParam("kind", "METRO_STATION").queryParam("limit", 5)
            .queryParam("cursor", (String) second.path("nextCursor")).get("/api/bazaar/venues");
        third.then().statusCode(200).body("items", hasSize(3)).body("nextCursor", equalTo(null));
        assertEquals(null, third.header("Link"));

        given().queryParam("cursor", "not-a-cursor").queryParam("limit", 0).get("/api/bazaar/venues").then()
            .statusCode(400).body("errors.field", hasItem("cursor")).body("errors.field", hasItem("limit"));
    }

    @Test
    void aVenueIsRevalidatedWith304() {
        String venue = TestData.venue(2, 0, 0, 6);
        String etag = given().get("/api/bazaar/venues/" + venue).then().statusCode(200).extract().header("ETag");
        assertTrue(etag != null, "ETag");
        Response again = given().header("If-None-Match", etag).get("/api/bazaar/venues/" + venue);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body().asString());
    }

    @Test
    void aCreateRetriedWithItsKeyIsAnsweredOnce() {
        String code = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("code", code, "nameFa", "جشن", "nameEn", "Festival");
        Response first = given().auth().oauth2(TestData.admin()).contentType(ContentType.JSON)
            .header("Idempotency-Key", key).body(body).post("/api/bazaar/bazaars/occasions");
        first.then().statusCode(201);
        Response retry = given().auth().oauth2(TestData.admin()).contentType(ContentType.JSON)
            .header("Idempotency-Key", key).body(body).post("/api/bazaar/bazaars/occasions");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("code", equalTo(code));
        assertEquals(first.header("Location"), retry.header("Location"));
        // without the key the same request is a second create: the code exists
        given().auth().oauth2(TestData.admin()).contentType(ContentType.JSON).body(body)
            .post("/api/bazaar/bazaars/occasions").then().statusCode(409);
        given().auth().oauth2(TestData.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(Map.of("code", code + "x", "nameFa", "جشن", "nameEn", "Other")).post("/api/bazaar/bazaars/occasions")
            .then().statusCode(422);

        String venueKey = UUID.randomUUID().toString();
        LocalDate start = TestData.today().plusDays(930);
        Map<String, Object> bazaar = Map.of("kind", "MONTHLY", "nameFa", "بازارچه", "nameEn", "Bazaar",
            "startDate", start.toString(), "endDate", start.toString(),
            "venues", List.of(Map.of("venueId", TestData.venue(2, 0, 0, 6))));
        String one = given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .header("Idempotency-Key", venueKey).body(bazaar).post("/api/bazaar/bazaars").then().statusCode(201)
            .extract().path("id");
        String two = given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .header("Idempotency-Key", venueKey).body(bazaar).post("/api/bazaar/bazaars").then().statusCode(201)
            .extract().path("id");
        assertEquals(one, two);
    }

    @Test
    void anAllocationStartRetriedWithItsKeyStartsOneRun() {
        LocalDate day = TestData.today().plusDays(940);
        String venue = TestData.venue(2, 0, 0, 8);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        TestData.apply(bazaar, TestData.registeredBusiness("candles", 8, true), List.of(venue), List.of(day), 1);
        TestData.move(bazaar, "ALLOCATING");
        String key = UUID.randomUUID().toString();
        String runs = "/api/bazaar/bazaars/" + bazaar + "/allocations";
        Map<String, Object> request = Map.of("seed", 5, "timeLimitSeconds", 1);
        Response first = given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .header("Idempotency-Key", key).body(request).post(runs);
        first.then().statusCode(202);
        Response retry = given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .header("Idempotency-Key", key).body(request).post(runs);
        retry.then().statusCode(202).header("Idempotent-Replayed", "true")
            .body("id", equalTo(first.<String>path("id")));
        assertEquals(first.header("Location"), retry.header("Location"));
        given().auth().oauth2(TestData.coordinator()).get(runs).then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(Map.of("seed", 6, "timeLimitSeconds", 1)).post(runs).then().statusCode(422);
        // the run was handed to the solver once its start committed (a bounded wait, not a timing assertion)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
            .pollInterval(java.time.Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(TestData.coordinator()).get(first.header("Location")).then().statusCode(200)
                    .body("status", equalTo("SOLVED")));
    }

    @Test
    void thePublicCalendarSendsWhatChangedAndWhatLeftSinceTheLastSync() {
        LocalDate start = TestData.today().plusDays(900);
        String venue = TestData.venue(3, 0, 0, 9);
        String changing = TestData.bazaar("MONTHLY", start, 1, List.of(venue));
        String closing = TestData.bazaar("MONTHLY", start.plusDays(1), 1, List.of(venue));
        String quiet = TestData.bazaar("MONTHLY", start.plusDays(2), 1, List.of(venue));
        for (String b : List.of(changing, closing, quiet)) {
            TestData.move(b, "OPEN");
        }
        String from = start.minusDays(1).toString();
        Response full = given().queryParam("district", 9).queryParam("from", from).queryParam("limit", 200)
            .get("/api/bazaar/calendar");
        full.then().statusCode(200).body("items.bazaarId", hasItem(changing)).body("items.bazaarId", hasItem(closing))
            .body("deleted", hasSize(0)).header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"));
        String token = full.path("syncToken");
        // a phone revalidating the same answer: 304, the shared conditional GET
        given().queryParam("district", 9).queryParam("from", from).queryParam("limit", 200)
            .header("If-None-Match", full.header("ETag")).get("/api/bazaar/calendar").then().statusCode(304);

        TestData.move(changing, "ALLOCATING");
        TestData.move(closing, "ALLOCATING");
        String run = TestData.allocate(closing, Map.of("method", "GREEDY", "seed", 7, "timeLimitSeconds", 1));
        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + closing + "/allocations/" + run + "/publish").then().statusCode(200);
        TestData.move(closing, "RUNNING");
        TestData.move(closing, "CLOSED");

        Response delta = given().queryParam("district", 9).queryParam("from", from).queryParam("limit", 200)
            .queryParam("updatedSince", token).get("/api/bazaar/calendar");
        delta.then().statusCode(200)
            .body("items.find { it.bazaarId == '" + changing + "' }.status", equalTo("ALLOCATING"))
            .body("items.bazaarId", not(hasItem(closing)))
            .body("deleted.id", hasItem(closing)).body("deleted.id", not(hasItem(changing)))
            .body("syncToken", notNullValue());
        assertNotEquals(full.header("ETag"), delta.header("ETag"));
        given().queryParam("updatedSince", "yesterday").get("/api/bazaar/calendar").then().statusCode(400)
            .body("errors.field", hasItem("updatedSince"));
    }

    @Test
    void herApplicationsSinceHerLastSyncCarryAWithdrawal() {
        LocalDate day = TestData.today().plusDays(940);
        String venue = TestData.venue(2, 0, 0, 8);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        UUID business = TestData.registeredBusiness("candles", 8, true);
        String application = TestData.apply(bazaar, business, List.of(venue), List.of(day), 1);
        String producer = TestData.producer(business);
        Response full = given().auth().oauth2(producer).get("/api/bazaar/applications/mine");
        full.then().statusCode(200).body("items.id", hasItem(application)).body("deleted", hasSize(0));
        String token = full.path("syncToken");

        given().auth().oauth2(producer).post("/api/bazaar/applications/" + application + "/withdraw").then()
            .statusCode(200);
        given().auth().oauth2(producer).queryParam("updatedSince", token).get("/api/bazaar/applications/mine")
            .then().statusCode(200)
            .body("items.find { it.id == '" + application + "' }.status", equalTo("WITHDRAWN"))
            .body("deleted", hasSize(0));
        given().auth().oauth2(producer).queryParam("updatedSince", token).get("/api/bazaar/offers/mine")
            .then().statusCode(200).body("items", hasSize(0)).body("deleted", hasSize(0));
    }
}
