package ir.tehran.womenfamily.registry.work.placement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.time.Tehran;
import org.junit.jupiter.api.Test;

/**
 * Paid placements of conditionally released prisoners: only her assigned caseworker (or an admin by
 * break-glass) reads them, they appear nowhere else, their events name no one, and the Prisons
 * Organisation receives each issued month's statement and nothing more.
 */
@QuarkusTest
class PlacementResourceTest {

    private static final String CW = "placement.cw";
    private static final String HEADER = "X-Break-Glass-Reason";
    private static final String PRISONS = "prisons-organisation";

    private static String placements(String id) {
        return Women.BASE + id + "/placements";
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    /** A woman registered with her case assigned to {@link #CW} and, when asked, in the prison-release cohort. */
    private static String woman(String nationalCode, boolean released) {
        String id = Women.register(nationalCode);
        Women.assign(id, CW);
        if (released) {
            as(Women.caseworker(CW)).body("{\"cohort\":\"PRISON_RELEASE\",\"since\":\"1404-05-01\"}")
                .post(Women.BASE + id + "/cohorts").then().statusCode(201);
        }
        return id;
    }

    /** The caseworker, changing the placement as she last read it (If-Match with its current ETag). */
    private static RequestSpecification current(String id, String placement) {
        String etag = as(Women.caseworker(CW)).get(placements(id) + "/" + placement).then().statusCode(200).extract()
            .header("ETag");
        return as(Women.caseworker(CW)).header("If-Match", etag);
    }

    private static String start(String id, String body) {
        return as(Women.caseworker(CW)).body(body).post(placements(id)).then().statusCode(201)
            .extract().path("id");
    }

    private static String terms(String unit, String startedOn) {
        return "{\"unitName\":\"" + unit + "\",\"training\":\"خياطي صنعتي\",\"trainingCompletedOn\":\"1404-06-10\","
            + "\"hoursPerDay\":6,\"hourlyWageRials\":150000,\"prisonsReference\":\"۱۴۰۴/ز/۷۷\","
            + "\"startedOn\":\"" + startedOn + "\"}";
    }

    @Test
    void aPlacementThatOnlyItsCaseworkerCanRead() throws Exception {
        String id = woman(NationalCodes.random(), true);
        String unit = "کارگاه پوشاک " + UUID.randomUUID().toString().substring(0, 6);
        String placement = start(id, terms(unit, "۱۴۰۴-۰۶-۲۰"));

        as(Women.caseworker(CW)).get(placements(id) + "/" + placement).then().statusCode(200)
            .body("unitName", equalTo(unit))
            .body("training", equalTo("خیاطی صنعتی"))
            .body("startedOn", equalTo("2025-09-11"))
            .body("startedOnJalali", equalTo("1404-06-20"))
            .body("trainingCompletedOnJalali", equalTo("1404-06-10"))
            .body("hoursPerDay", equalTo(6))
            .body("hourlyWageRials", equalTo(150000))
            .body("dailyWageRials", equalTo(900000))
            .body("prisonsReference", equalTo("1404/ز/77"))
            .body("active", equalTo(true));
        as(Women.caseworker(CW)).get(placements(id)).then().statusCode(200).body("items.id", hasItem(placement));

        // another caseworker, even of her district, gets the answer a woman who does not exist gets
        for (String path : List.of(placements(id), placements(id) + "/" + placement,
                placements(id) + "/" + placement + "/attendance")) {
            as(Women.caseworker("other.cw")).get(path).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://women-family.tehran.ir/problems/not-found"))
                .body(not(containsString(unit)));
        }
        as(Women.caseworker("other.cw")).get(placements(UUID.randomUUID().toString())).then().statusCode(404)
            .body("type", equalTo("https://women-family.tehran.ir/problems/not-found"));
        as(Women.caseworker("other.cw")).body(terms("x", "1404-06-20")).post(placements(id)).then().statusCode(404);
        // an admin needs a reason; other roles are refused outright; no token is a 401
        as(Women.admin("placement.admin")).get(placements(id)).then().statusCode(400)
            .body("errors.field", hasItem(HEADER));
        as(TestTokens.forRoles("coordinator", "bazaar-coordinator")).get(placements(id)).then().statusCode(403);
        as(Women.agency(PRISONS)).get(placements(id)).then().statusCode(403);
        given().get(placements(id)).then().statusCode(401);

        String admin = "glass-" + UUID.randomUUID();
        as(Women.admin(admin)).header(HEADER, "Prisons Organisation disputes her hours in Mehr")
            .get(placements(id) + "/" + placement).then().statusCode(200).body("unitName", equalTo(unit));
        // the break-glass alert names the kind of resource, not her nor the placement
        EventProbe.Message alert = RegistryApi.probe().await("registry.sensitive-access", r -> r.value() != null
            && r.value().contains(admin), java.time.Duration.ofSeconds(30));
        assertEquals(java.util.Set.of(), ir.tehran.womenfamily.localstack.EventContract.load()
            .violations(alert.ce("dataschema"), alert.value()));
        assertFalse(alert.value().contains(id) || alert.value().contains(placement) || alert.value().contains(unit),
            alert.value());
        assertEquals(PlacementService.RESOURCE, new ObjectMapper().readTree(alert.value()).path("resourceType")
            .asText());

        Women.audit(PlacementService.RESOURCE, id).then()
            .body("items.action", hasItems("placement.start", "placement.read", "placement.list"))
            .body("items.find { it.actor == 'other.cw' }.outcome", equalTo("DENIED"))
            .body("items.find { it.actor == '" + admin + "' }.purpose", equalTo("break-glass"))
            .body("items.find { it.actor == '" + admin + "' }.detail.breakGlassAccessId", notNullValue())
            .body(not(containsString(unit)))
            .body(not(containsString("PRISON")));
    }

    @Test
    void placementsAppearInNoListSearchProfileOrExport() {
        String code = NationalCodes.random();
        String id = woman(code, true);
        String unit = "واحد پنهان " + UUID.randomUUID().toString().substring(0, 6);
        start(id, terms(unit, "1404-06-20"));

        as(Women.admin("head")).get(Women.BASE + id).then().statusCode(200)
            .body(not(containsString("placement")))
            .body(not(containsString(unit)));
        as(Women.admin("head")).queryParam("nationalCode", code).get(RegistryApi.BENEFICIARIES).then()
            .statusCode(200).body("items", hasSize(1))
            .body(not(containsString("placement")))
            .body(not(containsString(unit)));
        String csv = given().auth().oauth2(Women.admin("head")).queryParam("purpose", "REGISTER_TRANSFER")
            .get("/api/registry/exports/beneficiaries")
            .then().statusCode(200).extract().asString();
        String line = csv.lines().filter(l -> l.startsWith(code)).findFirst().orElseThrow();
        assertFalse(line.contains(unit) || csv.contains(unit), line);
    }

    @Test
    void onlyAWomanOfTheReleasedPrisonersCohortCanBePlaced() {
        String notReleased = woman(NationalCodes.random(), false);
        as(Women.caseworker(CW)).body(terms("کارگاه", "1404-06-20")).post(placements(notReleased)).then()
            .statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/placement-not-eligible"));
        // another sensitive cohort does not make her eligible
        as(Women.caseworker(CW)).body("{\"cohort\":\"ADDICTION_RECOVERY\",\"since\":\"1404-01-01\","
            + "\"followingCentre\":\"یاورشهر ۵\"}").post(Women.BASE + notReleased + "/cohorts").then().statusCode(201);
        as(Women.caseworker(CW)).body(terms("کارگاه", "1404-06-20")).post(placements(notReleased)).then()
            .statusCode(409);
        // nor does a membership that began after the placement would start
        String released = woman(NationalCodes.random(), true);
        as(Women.caseworker(CW)).body(terms("کارگاه", "1404-04-20").replace("1404-06-10", "1404-04-01"))
            .post(placements(released)).then()
            .statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/placement-not-eligible"));
        start(released, terms("کارگاه", "1404-06-20"));
        as(Women.caseworker(CW)).body(terms("کارگاه دیگر", "1404-06-25")).post(placements(released)).then()
            .statusCode(409).body("type", equalTo("https://women-family.tehran.ir/problems/placement-open"));
    }

    @Test
    void eachInvalidFieldIsA400InPersianOrEnglish() {
        String id = woman(NationalCodes.random(), true);
        String good = terms("کارگاه", "1404-06-20");
        expect400(id, good.replace("\"hoursPerDay\":6", "\"hoursPerDay\":13"), "hoursPerDay");
        expect400(id, good.replace("150000", "0"), "hourlyWageRials");
        expect400(id, good.replace("\"1404-06-20\"", "\"1404-06-05\""), "trainingCompletedOn");
        expect400(id, good.replace("\"1404-06-20\"", "\"1499-01-01\""), "startedOn");
        expect400(id, good.replace("\"1404-06-20\"", "\"1404-12-30\""), "startedOn");
        expect400(id, good.replace("\"unitName\":\"کارگاه\",", ""), "unitName");
        expect400(id, good.replace("\"unitName\":\"کارگاه\",", "\"centreId\":\"" + UUID.randomUUID() + "\","),
            "centreId");
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(good.replace("\"hoursPerDay\":6", "\"hoursPerDay\":13"))
            .post(placements(id)).then().statusCode(400)
            .contentType("application/problem+json")
            .body("title", containsString("معتبر نیست"));
    }

    @Test
    void attendanceBecomesAMonthlyStatementThePrisonsOrganisationReceives() throws Exception {
        String code = NationalCodes.random();
        String id = woman(code, true);
        String caseNote = "یادداشت محرمانه " + UUID.randomUUID();
        as(Women.caseworker(CW)).body(Map.of("text", caseNote)).post(Women.BASE + id + "/case/notes").then()
            .statusCode(201);
        String placement = start(id, terms("کارگاه پوشاک کوثر", "1404-06-20"));
        String days = placements(id) + "/" + placement + "/attendance";

        current(id, placement).body("{\"days\":[{\"day\":\"۱۴۰۴-۰۷-۰۱\",\"status\":\"PRESENT\"},"
            + "{\"day\":\"1404-07-02\",\"status\":\"PRESENT\",\"hours\":4},"
            + "{\"day\":\"1404-07-03\",\"status\":\"ABSENT\"},"
            + "{\"day\":\"2025-09-26\",\"status\":\"EXCUSED\"},"
            + "{\"day\":\"1404-06-31\",\"status\":\"PRESENT\",\"hours\":6}]}")
            .put(days).then().statusCode(200).body("", hasSize(5));
        // a day recorded again is replaced
        current(id, placement).body("{\"days\":[{\"day\":\"1404-07-02\",\"status\":\"PRESENT\",\"hours\":5}]}")
            .put(days).then().statusCode(200);
        // bad days are all reported at once, and nothing is written
        current(id, placement).body("{\"days\":[{\"day\":\"1404-06-19\",\"status\":\"PRESENT\"},"
            + "{\"day\":\"1404-07-05\",\"status\":\"ABSENT\",\"hours\":3},"
            + "{\"day\":\"1404-07-06\",\"status\":\"PRESENT\",\"hours\":0},"
            + "{\"day\":\"1404-07-07\",\"status\":\"PRESENT\"},{\"day\":\"1404-07-07\",\"status\":\"ABSENT\"}]}")
            .put(days).then().statusCode(400)
            .body("errors.field", hasItems("days[0].day", "days[1].hours", "days[2].hours", "days[4].day"));
        as(Women.caseworker(CW)).queryParam("month", "1404-07").get(days).then().statusCode(200)
            .body("items.dayJalali", equalTo(List.of("1404-07-01", "1404-07-02", "1404-07-03", "1404-07-04")))
            .body("items.hours", equalTo(List.of(6, 5, 0, 0)));

        String statements = placements(id) + "/" + placement + "/statements";
        as(Women.caseworker(CW)).get(statements + "/1404-07").then().statusCode(200)
            .body("issued", equalTo(false))
            .body("hoursWorked", equalTo(11))
            .body("wagesRials", equalTo(11 * 150000));
        as(Women.caseworker(CW)).get(statements + "/1404-13").then().statusCode(400)
            .body("errors.field", hasItem("month"));
        as(Women.caseworker(CW)).get(statements + "/1404-05").then().statusCode(400)
            .body("errors.field", hasItem("month"));
        // the current month is not over
        String thisMonth = JalaliMonth.of(Tehran.today(java.time.Clock.systemUTC())).toString();
        as(Women.caseworker(CW)).body(Map.of("month", thisMonth)).post(statements).then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/placement-month-open"));

        String statementId = as(Women.caseworker(CW)).body(Map.of("month", "۱۴۰۴/۰۷")).post(statements).then()
            .statusCode(201)
            .body("issued", equalTo(true))
            .body("month", equalTo("1404-07"))
            .body("firstDayJalali", equalTo("1404-07-01"))
            .body("lastDayJalali", equalTo("1404-07-30"))
            .body("daysPresent", equalTo(2)).body("daysAbsent", equalTo(1)).body("daysExcused", equalTo(1))
            .body("hoursWorked", equalTo(11))
            .body("wagesRials", equalTo(1650000))
            .extract().path("id");
        as(Women.caseworker(CW)).body(Map.of("month", "1404-07")).post(statements).then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/placement-statement-issued"));
        // the month is frozen; the month before is not
        current(id, placement).body("{\"days\":[{\"day\":\"1404-07-10\",\"status\":\"PRESENT\"}]}")
            .put(days).then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/placement-month-issued"));
        current(id, placement).body("{\"days\":[{\"day\":\"1404-06-30\",\"status\":\"ABSENT\"}]}")
            .put(days).then().statusCode(200);
        as(Women.caseworker(CW)).get(statements).then().statusCode(200).body("items.id", equalTo(List.of(statementId)));
        // nor can the placement end before the last day of an issued statement
        current(id, placement).body("{\"endedOn\":\"1404-07-20\",\"reason\":\"LEFT\"}")
            .post(placements(id) + "/" + placement + "/end").then().statusCode(400)
            .body("errors.field", hasItem("endedOn"));

        // the Prisons Organisation receives what the agreement requires, and nothing else
        String received = as(Women.agency(PRISONS)).queryParam("month", "1404-07")
            .get("/api/registry/agency/placement-statements").then().statusCode(200).extract().asString();
        JsonNode mine = null;
        for (JsonNode s : new ObjectMapper().readTree(received).path("items")) {
            if (s.path("statementId").asText().equals(statementId)) {
                mine = s;
            }
        }
        assertEquals(code, mine.path("nationalCode").asText());
        assertEquals("1404/ز/77", mine.path("prisonsReference").asText());
        assertEquals("کارگاه پوشاک کوثر", mine.path("unitName").asText());
        assertEquals(11, mine.path("hoursWorked").asInt());
        assertEquals(1650000, mine.path("wagesRials").asLong());
        assertEquals(4, mine.path("days").size());
        java.util.Set<String> fields = new java.util.TreeSet<>();
        mine.fieldNames().forEachRemaining(fields::add);
        assertEquals(new java.util.TreeSet<>(List.of("statementId", "month", "nationalCode", "firstName", "lastName",
            "prisonsReference", "unitName", "hoursPerDay", "firstDay", "firstDayJalali", "lastDay", "lastDayJalali",
            "days", "daysPresent",
            "daysAbsent", "daysExcused", "hoursWorked", "wagesRials", "issuedAt", "issuedOnJalali")), fields);
        for (String secret : new String[] {caseNote, "PRISON", "ADDICTION", "cohort", id}) {
            assertFalse(mine.toString().contains(secret), "the statement carries " + secret);
        }
        // another agency, or a month not written as one, is refused
        as(Women.agency("relief-committee")).queryParam("month", "1404-07")
            .get("/api/registry/agency/placement-statements").then().statusCode(403)
            .contentType("application/problem+json");
        as(Women.agency(PRISONS)).queryParam("month", "مهر").get("/api/registry/agency/placement-statements")
            .then().statusCode(400).body("errors.field", hasItem("month"));
        as(Women.caseworker(CW)).queryParam("month", "1404-07").get("/api/registry/agency/placement-statements")
            .then().statusCode(403);
        Women.audit(PlacementService.RESOURCE, id).then()
            .body("items.find { it.action == 'placement-statement.receive' }.purpose", equalTo("prisons-agreement"))
            .body("items.find { it.action == 'placement-statement.receive' }.detail.statementId",
                equalTo(statementId));
    }

    @Test
    void startAndEndAreAnnouncedWithoutHer() throws Exception {
        String code = NationalCodes.random();
        String id = woman(code, true);
        String placement = start(id, terms("کارگاه بی‌نام", "1404-06-20"));
        EventProbe.Message started = RegistryApi.event("registry.placement", placement, "placement.started");
        JsonNode payload = new ObjectMapper().readTree(started.value());
        assertEquals("1404-06-20", payload.path("startedOnJalali").asText());
        assertEquals(6, payload.path("hoursPerDay").asInt());

        String days = placements(id) + "/" + placement + "/attendance";
        current(id, placement).body("{\"days\":[{\"day\":\"1404-07-10\",\"status\":\"PRESENT\"}]}")
            .put(days).then().statusCode(200);
        String end = placements(id) + "/" + placement + "/end";
        current(id, placement).body("{\"endedOn\":\"1404-07-09\",\"reason\":\"COMPLETED\"}").post(end).then()
            .statusCode(400).body("errors.field", hasItem("endedOn"));
        current(id, placement).body("{\"endedOn\":\"1404-07-15\",\"reason\":\"NO_SUCH\"}").post(end).then()
            .statusCode(400);
        current(id, placement).body("{\"endedOn\":\"1404-07-15\",\"reason\":\"COMPLETED\"}").post(end).then()
            .statusCode(200).body("active", equalTo(false)).body("endedOnJalali", equalTo("1404-07-15"))
            .body("endReason", equalTo("COMPLETED"));
        current(id, placement).body("{\"endedOn\":\"1404-07-16\",\"reason\":\"COMPLETED\"}").post(end).then()
            .statusCode(409);
        // no day after her placement ended
        current(id, placement).body("{\"days\":[{\"day\":\"1404-07-16\",\"status\":\"PRESENT\"}]}")
            .put(days).then().statusCode(400).body("errors.field", hasItem("days[0].day"));
        EventProbe.Message ended = RegistryApi.event("registry.placement", placement, "placement.ended");
        for (EventProbe.Message m : List.of(started, ended)) {
            for (String secret : new String[] {id, code, "کارگاه", "PRISON", "COMPLETED", "150000"}) {
                assertFalse(m.value().contains(secret), "the event carries " + secret + ": " + m.value());
            }
        }
    }

    private static void expect400(String id, String body, String field) {
        as(Women.caseworker(CW)).body(body).post(placements(id)).then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field));
    }

    @Test
    void attendanceAndTheEndAreRecordedOverTheVersionRead() {
        String id = woman(NationalCodes.random(), true);
        String placement = start(id, terms("کارگاه نسخه", "1404-06-20"));
        String path = placements(id) + "/" + placement;
        String read = as(Women.caseworker(CW)).get(path).then().statusCode(200).extract().header("ETag");
        String day = "{\"days\":[{\"day\":\"1404-07-01\",\"status\":\"PRESENT\"}]}";

        as(Women.caseworker(CW)).body(day).put(path + "/attendance").then().statusCode(428)
            .body("type", equalTo("https://women-family.tehran.ir/problems/precondition-required"));
        String recorded = as(Women.caseworker(CW)).header("If-Match", read).body(day).put(path + "/attendance").then()
            .statusCode(200).extract().header("ETag");
        assertNotEquals(read, recorded, "a record counts the placement's version up");
        as(Women.caseworker(CW)).get(path).then().header("ETag", equalTo(recorded));
        // another record over the version read before it is stale, and writes nothing
        as(Women.caseworker(CW)).header("If-Match", read)
            .body("{\"days\":[{\"day\":\"1404-07-02\",\"status\":\"PRESENT\"}]}").put(path + "/attendance")
            .then().statusCode(412);
        as(Women.caseworker(CW)).get(path + "/attendance").then().body("items", hasSize(1));

        String end = "{\"endedOn\":\"1404-07-15\",\"reason\":\"COMPLETED\"}";
        as(Women.caseworker(CW)).body(end).post(path + "/end").then().statusCode(428);
        as(Women.caseworker(CW)).header("If-Match", read).body(end).post(path + "/end").then().statusCode(412);
        as(Women.caseworker(CW)).header("If-Match", recorded).body(end).post(path + "/end").then().statusCode(200)
            .body("active", equalTo(false));
    }
}
