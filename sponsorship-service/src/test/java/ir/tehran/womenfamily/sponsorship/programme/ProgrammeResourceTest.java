package ir.tehran.womenfamily.sponsorship.programme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgrammeResourceTest {

    private static final String PATH = "/api/sponsorship/programmes";

    /** A summer course «به وقت نوجوانی» for ages 13-17, running from a week ago for two months. */
    private static String course(int capacity) {
        String start = JalaliDate.of(RegistryFeed.today().minusDays(7)).toString();
        String end = RegistryFeed.today().plusDays(60).toString();
        return "{\"kind\":\"SUMMER_COURSE\",\"title\":\"به وقت نوجوانی: کارآفرینی\",\"minAge\":13,\"maxAge\":17,"
            + "\"capacity\":" + capacity + ",\"startsOn\":\"" + start + "\",\"endsOn\":\"" + end
            + "\",\"plannedSessions\":8,\"feeRials\":4500000}";
    }

    private static UUID create(String body) {
        return UUID.fromString(given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(body)
            .post(PATH).then().statusCode(201).extract().path("id"));
    }

    private static io.restassured.response.Response enrol(UUID programme, UUID child) {
        return given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"childId\":\"" + child + "\"}").post(PATH + "/" + programme + "/enrolments");
    }

    @Test
    void enrolmentFillsTheSeatsThenTheWaitlistAndAWithdrawalPromotesTheFirstWaiting() {
        UUID programme = create(course(2));
        List<UUID> teens = RegistryFeed.newChildren(4, 15, "FEMALE", 3);
        enrol(programme, teens.get(0)).then().statusCode(201).body("status", equalTo("ENROLLED"));
        String second = enrol(programme, teens.get(1)).then().statusCode(201).body("status", equalTo("ENROLLED"))
            .extract().path("id");
        enrol(programme, teens.get(2)).then().statusCode(201).body("status", equalTo("WAITLISTED"))
            .body("waitlistPosition", equalTo(1));
        String fourth = enrol(programme, teens.get(3)).then().statusCode(201).body("status", equalTo("WAITLISTED"))
            .body("waitlistPosition", equalTo(2)).extract().path("id");
        enrol(programme, teens.get(0)).then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/already-enrolled"));

        given().auth().oauth2(Tokens.officer()).post("/api/sponsorship/enrolments/" + second + "/withdrawal")
            .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + programme + "/enrolments").then().statusCode(200)
            .body("items.find { it.childId == '" + teens.get(2) + "' }.status", equalTo("ENROLLED"))
            .body("items.find { it.childId == '" + teens.get(2) + "' }.waitlistPosition", nullValue())
            .body("items.find { it.childId == '" + teens.get(3) + "' }.waitlistPosition", equalTo(1));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/enrolments/" + fourth).then()
            .body("status", equalTo("WAITLISTED"));
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + programme).then()
            .body("enrolled", equalTo(2)).body("waitlisted", equalTo(1)).body("capacity", equalTo(2))
            .body("startsOnJalali", equalTo(JalaliDate.of(RegistryFeed.today().minusDays(7)).toString()));
    }

    @Test
    void aChildOutsideTheAgeRangeIsRefused() {
        UUID programme = create(course(5));
        UUID young = RegistryFeed.newChild(9, "MALE", 3);
        enrol(programme, young).then().statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/programme-age-range"));
        enrol(programme, UUID.randomUUID()).then().statusCode(400).body("errors.field", hasItem("childId"));
    }

    @Test
    void concurrentRequestsNeverOverfillAProgramme() throws Exception {
        UUID programme = create(course(3));
        List<UUID> teens = RegistryFeed.newChildren(8, 14, "MALE", 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            teens.forEach(t -> calls.add(() -> enrol(programme, t).then().statusCode(201).extract().path("status")));
            List<String> statuses = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(3, statuses.stream().filter("ENROLLED"::equals).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter("WAITLISTED"::equals).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sessionsAttendanceAndCompletion() {
        UUID programme = create(course(5));
        List<UUID> teens = RegistryFeed.newChildren(2, 16, "FEMALE", 3);
        String a = enrol(programme, teens.get(0)).then().extract().path("id");
        String b = enrol(programme, teens.get(1)).then().extract().path("id");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"heldOn\":\"" + RegistryFeed.today().minusDays(1) + "\",\"topic\":\"ایده تا کسب‌وکار\"}")
            .post(PATH + "/" + programme + "/sessions").then().statusCode(201).body("number", equalTo(1));
        String second = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"heldOn\":\"" + JalaliDate.of(RegistryFeed.today()) + "\"}")
            .post(PATH + "/" + programme + "/sessions").then().statusCode(201).body("number", equalTo(2))
            .extract().header("ETag");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"heldOn\":\"" + RegistryFeed.today().plusDays(90) + "\"}")
            .post(PATH + "/" + programme + "/sessions").then().statusCode(400).body("errors.field", hasItem("heldOn"));
        String first = given().auth().oauth2(Tokens.officer()).get(PATH + "/" + programme + "/sessions/1").then()
            .statusCode(200).body("number", equalTo(1)).extract().header("ETag");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", first)
            .body("{\"present\":[\"" + a + "\",\"" + b + "\"],\"absent\":[]}")
            .put(PATH + "/" + programme + "/sessions/1/attendance").then().statusCode(200)
            .body("present", equalTo(2));
        String updated = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .header("If-Match", second)
            .body("{\"present\":[\"" + a + "\"],\"absent\":[\"" + b + "\"]}")
            .put(PATH + "/" + programme + "/sessions/2/attendance").then().statusCode(200)
            .body("present", equalTo(1)).body("absent", equalTo(1)).extract().header("ETag");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", updated)
            .body("{\"present\":[\"" + UUID.randomUUID() + "\"],\"absent\":[]}")
            .put(PATH + "/" + programme + "/sessions/2/attendance").then().statusCode(400)
            .body("errors.field", hasItem("present[0]"));

        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"outcome\":\"طرح کسب‌وکار ارائه کرد\"}")
            .post("/api/sponsorship/enrolments/" + a + "/completion").then().statusCode(200)
            .body("status", equalTo("COMPLETED"))
            .body("attendance.sessionsHeld", equalTo(2)).body("attendance.present", equalTo(2))
            .body("attendance.rate", equalTo(1.0f));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/enrolments/" + b).then()
            .body("attendance.rate", equalTo(0.5f));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{}")
            .post("/api/sponsorship/enrolments/" + a + "/completion").then().statusCode(409);
    }

    @Test
    void aSummerCourseNeedsItsAgeRangeAndSessions() {
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"kind\":\"SUMMER_COURSE\",\"title\":\"نوآوری\",\"capacity\":10,\"startsOn\":\"2025-06-21\","
                + "\"endsOn\":\"2025-06-01\"}")
            .post(PATH).then().statusCode(400)
            .body("errors.field", hasItems("minAge", "maxAge", "plannedSessions", "endsOn"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"kind\":\"TUTORING\",\"title\":\"ریاضی\",\"capacity\":10,\"startsOn\":\"2025-06-21\","
                + "\"endsOn\":\"2025-09-01\",\"feeRials\":1.5}")
            .post(PATH).then().statusCode(400).body("errors.field", hasItem("feeRials"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"COUNSELLING\",\"title\":\"مشاوره\","
                + "\"capacity\":10,\"startsOn\":\"2025-06-21\",\"endsOn\":\"2025-09-01\"}")
            .post(PATH).then().statusCode(400).body("errors.field", hasItem("id"));
        create("{\"kind\":\"COUNSELLING\",\"title\":\"مشاوره تحصیلی\",\"capacity\":10,\"startsOn\":\"2025-06-21\","
            + "\"endsOn\":\"2025-09-01\",\"district\":3}");
        given().auth().oauth2(Tokens.officer()).queryParam("kind", "COUNSELLING").queryParam("district", 3)
            .queryParam("limit", 200).get(PATH).then().statusCode(200).body("items.title", hasItem("مشاوره تحصیلی"));
    }

    @Test
    void attendanceIsUpdatedOnlyWithTheSessionsCurrentETag() {
        UUID programme = create(course(5));
        String a = enrol(programme, RegistryFeed.newChild(16, "FEMALE", 3)).then().extract().path("id");
        String read = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"heldOn\":\"" + RegistryFeed.today() + "\"}")
            .post(PATH + "/" + programme + "/sessions").then().statusCode(201).extract().header("ETag");
        String session = PATH + "/" + programme + "/sessions/1";
        given().auth().oauth2(Tokens.officer()).header("If-None-Match", read).get(session).then().statusCode(304);
        String attendance = "{\"present\":[\"" + a + "\"],\"absent\":[]}";
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(attendance)
            .put(session + "/attendance").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", read)
            .body(attendance).put(session + "/attendance").then().statusCode(200).body("present", equalTo(1));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", read)
            .body("{\"present\":[],\"absent\":[\"" + a + "\"]}").put(session + "/attendance").then()
            .statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).get(session).then().statusCode(200).body("present", equalTo(1));
    }
}
