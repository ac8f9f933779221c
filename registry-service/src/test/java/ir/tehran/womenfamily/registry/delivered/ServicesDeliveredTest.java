package ir.tehran.womenfamily.registry.delivered;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The services delivered to a woman: counselling under the need to know of her cohorts and never in an event,
 * a training course from enrolment to certificate, business facilitation, each under her case; a change of
 * support level citing them, kept in her history; and {@link ServiceFigures} counting distinct women per
 * district and Jalali quarter.
 */
@QuarkusTest
class ServicesDeliveredTest {

    private static final String B = Women.BASE;
    private static final String COURSES = "/api/registry/training-courses";
    private static final String CW = "cw-delivered";
    private static final int DISTRICT = 21;

    @Inject
    EntityManager em;

    @Inject
    ServiceFigures figures;

    private static String cw() {
        return RegistryApi.caseworker(CW, DISTRICT);
    }

    private static String admin() {
        return Women.admin("delivered.admin");
    }

    private static RequestSpecification as(String token) {
        return RegistryApi.as(token);
    }

    /** A woman of district 21 whose case is the caseworker's. */
    private static String woman() {
        String w = RegistryApi.register(cw(), "نرگس", "یاوری", DISTRICT);
        Women.assign(w, CW);
        return w;
    }

    private static String course(String startsOn, String endsOn) {
        return as(admin()).body("{\"title\":\"خیاطی\",\"startsOn\":\"" + startsOn + "\",\"endsOn\":\"" + endsOn
            + "\",\"hours\":40}").post(COURSES).then().statusCode(201).extract().path("id");
    }

    private static String session(String course, String heldOn) {
        return as(admin()).body("{\"heldOn\":\"" + heldOn + "\"}").post(COURSES + "/" + course + "/sessions").then()
            .statusCode(201).extract().path("id");
    }

    private static String counselling(String w, String heldOn) {
        return as(cw()).body("{\"counsellor\":\"مشاور رضایی\",\"mode\":\"FAMILY\",\"centre\":\"یاورشهر ۵\","
            + "\"heldOn\":\"" + heldOn + "\"}").post(B + w + "/counselling").then().statusCode(201).extract()
            .path("id");
    }

    private static String facilitation(String w, String doneOn) {
        return as(cw()).body("{\"kind\":\"MICRO_LOAN_INTRODUCTION\",\"doneOn\":\"" + doneOn + "\"}")
            .post(B + w + "/business-facilitation").then().statusCode(201).extract().path("id");
    }

    private static String enrol(String w, String course, String enrolledOn) {
        return as(cw()).body("{\"courseId\":\"" + course + "\",\"enrolledOn\":\"" + enrolledOn + "\"}")
            .post(B + w + "/training").then().statusCode(201).extract().path("id");
    }

    private static void level(String w, String level, String kind, String id) {
        as(cw()).header("If-Match", RegistryApi.etag(cw(), B + w))
            .body("{\"supportLevel\":\"" + level + "\",\"citedServices\":[{\"kind\":\"" + kind + "\",\"id\":\"" + id
                + "\"}]}").post(B + w + "/support-level").then().statusCode(200);
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void counsellingIsReadAsHerCohortsAreAndNeverAnnounced() {
        String w = woman();
        long events = count("select count(*) from outbox_event where aggregate_id = ?1", w);
        String id = counselling(w, "1404-02-01");
        as(cw()).get(B + w + "/counselling").then().statusCode(200)
            .body("items.id", contains(id)).body("items[0].heldOnJalali", equalTo("1404-02-01"))
            .body("items[0].heldOn", equalTo("2025-04-21")).body("items[0].mode", equalTo("FAMILY"))
            .body("items[0].service", equalTo("COUNSELLING")).body("items[0].ladderStep", equalTo("COUNSELLING"));
        // nothing about it in the outbox: neither an event of hers nor one naming the session
        assertEquals(events, count("select count(*) from outbox_event where aggregate_id = ?1", w));
        assertEquals(0, count("select count(*) from outbox_event where cast(payload as text) like ?1",
            "%" + id + "%"));
        // an admin opens it only through break-glass, as her cohorts
        as(admin()).get(B + w + "/counselling").then().statusCode(400);
        as(admin()).header("X-Break-Glass-Reason", "بازبینی پرونده برای کمیته").get(B + w + "/counselling").then()
            .statusCode(200).body("items.id", contains(id));
        // another caseworker of her district gets the 404 of nobody
        as(RegistryApi.caseworker("cw-delivered-other", DISTRICT)).get(B + w + "/counselling").then().statusCode(404);
        // no case, no counselling
        String without = RegistryApi.register(cw(), "مینا", "بی‌پرونده", DISTRICT);
        as(admin()).header("X-Break-Glass-Reason", "ثبت جلسهٔ مشاوره بدون پرونده").body("{\"counsellor\":\"م\","
            + "\"heldOn\":\"1404-02-01\"}").post(B + without + "/counselling").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/case-required"));
    }

    @Test
    void aTrainingCourseFromEnrolmentToCertificate() {
        String w = woman();
        String course = course("1404-02-01", "1404-03-31");
        String other = course("1404-02-01", "1404-03-31");
        as(admin()).body("{\"heldOn\":\"1404-04-01\"}").post(COURSES + "/" + course + "/sessions").then()
            .statusCode(400).body("errors[0].field", equalTo("heldOn"));
        String first = session(course, "1404-02-10");
        session(course, "1404-02-17");
        String elsewhere = session(other, "1404-02-10");
        as(cw()).get(COURSES + "/" + course + "/sessions").then().statusCode(200)
            .body("items.heldOnJalali", contains("1404-02-10", "1404-02-17"));

        String enrolment = enrol(w, course, "1404-02-01");
        as(cw()).body("{\"courseId\":\"" + course + "\"}").post(B + w + "/training").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/already-enrolled"));
        String path = B + w + "/training/" + enrolment;
        as(cw()).body("{\"sessionId\":\"" + elsewhere + "\"}").post(path + "/attendance").then().statusCode(400)
            .body("errors[0].field", equalTo("sessionId"));
        as(cw()).body("{\"sessionId\":\"" + first + "\"}").post(path + "/attendance").then().statusCode(200);
        as(cw()).body("{\"sessionId\":\"" + first + "\"}").post(path + "/attendance").then().statusCode(200)
            .body("sessionsAttended", equalTo(1)).body("sessions", equalTo(2)).body("completed", equalTo(false));
        as(cw()).body("{\"completedOn\":\"1404-01-20\"}").header("If-Match", "\"0\"").post(path + "/completion")
            .then().statusCode(400).body("errors[0].field", equalTo("completedOn"));
        as(cw()).body("{\"completedOn\":\"1404-03-30\"}").post(path + "/completion").then().statusCode(428);
        as(cw()).body("{\"completedOn\":\"1404-03-30\"}").header("If-Match", "\"7\"").post(path + "/completion")
            .then().statusCode(412);
        as(cw()).body("{\"completedOn\":\"۱۴۰۴/۰۳/۳۰\",\"certificateNumber\":\"۱۴۰۴/۱۲۳\"}")
            .header("If-Match", "\"0\"").post(path + "/completion").then().statusCode(200)
            .header("ETag", "\"1\"").body("completed", equalTo(true)).body("completedOnJalali", equalTo("1404-03-30"))
            .body("certificateNumber", equalTo("۱۴۰۴/۱۲۳"));
        as(cw()).body("{\"completedOn\":\"1404-03-31\"}").header("If-Match", "\"1\"").post(path + "/completion")
            .then().statusCode(409).body("type", equalTo("https://women-family.tehran.ir/problems/training-completed"));
        as(cw()).get(B + w + "/training").then().statusCode(200).body("items.id", contains(enrolment))
            .body("items[0].courseTitle", equalTo("خیاطی")).body("items[0].ladderStep", equalTo("TRAINING"));
        // an enrolment of another woman is none of hers
        String another = woman();
        as(cw()).body("{\"sessionId\":\"" + first + "\"}").post(B + another + "/training/" + enrolment + "/attendance")
            .then().statusCode(404);
    }

    @Test
    void aChangeOfSupportLevelCitesTheServicesBehindItAndHerHistoryKeepsThem() {
        String w = woman();
        String f = facilitation(w, "1404-02-01");
        String course = course("1404-02-01", "1404-02-30");
        String e = enrol(w, course, "1404-02-01");
        String elsewhere = facilitation(woman(), "1404-02-01");
        String etag = RegistryApi.etag(cw(), B + w);
        as(cw()).header("If-Match", etag).body("{\"supportLevel\":\"BUSINESS_SUPPORT\",\"citedServices\":["
            + "{\"kind\":\"BUSINESS_FACILITATION\",\"id\":\"" + f + "\"},"
            + "{\"kind\":\"BUSINESS_FACILITATION\",\"id\":\"" + elsewhere + "\"},"
            + "{\"kind\":\"TRAINING\",\"id\":\"" + f + "\"}]}").post(B + w + "/support-level").then().statusCode(400)
            .body("errors.field", contains("citedServices[1]", "citedServices[2]"));
        as(cw()).header("If-Match", etag).body("{\"supportLevel\":\"BUSINESS_SUPPORT\",\"reason\":\"وام گرفت\","
            + "\"citedServices\":[{\"kind\":\"TRAINING\",\"id\":\"" + e + "\"},{\"kind\":\"BUSINESS_FACILITATION\","
            + "\"id\":\"" + f + "\"}]}").post(B + w + "/support-level").then().statusCode(200)
            .body("supportLevel", equalTo("BUSINESS_SUPPORT"));
        as(cw()).get(B + w + "/history").then().statusCode(200)
            .body("items.find { it.kind == 'SUPPORT_LEVEL' }.citedServices.kind",
                contains("TRAINING", "BUSINESS_FACILITATION"))
            .body("items.find { it.kind == 'SUPPORT_LEVEL' }.citedServices.id", contains(e, f))
            .body("items.find { it.kind == 'STATUS' }", nullValue());
    }

    @Test
    void theFiguresCountDistinctWomenPerDistrictAndQuarter() {
        String quarter = current();
        Map<String, Long> servedBefore = served();
        Map<String, Long> movedBefore = moved();

        String a = woman();
        String b = woman();
        String c1 = counselling(a, "1390-01-10");
        counselling(a, "1390-02-10");
        counselling(b, "1390-03-31");
        facilitation(b, "1390-04-01");
        String course = course("1390-03-20", "1390-04-20");
        String s = session(course, "1390-04-05");
        String e = enrol(a, course, "1390-03-25");
        as(cw()).body("{\"sessionId\":\"" + s + "\"}").post(B + a + "/training/" + e + "/attendance").then()
            .statusCode(200);
        // her first level is no move; then up citing counselling, then down citing training
        level(a, "COUNSELLING", "COUNSELLING", c1);
        level(a, "TRAINING", "COUNSELLING", c1);
        level(a, "COUNSELLING", "TRAINING", e);

        Map<String, Long> servedAfter = served();
        assertEquals(2, delta(servedBefore, servedAfter, DISTRICT + " 1390-Q1 COUNSELLING"));
        assertEquals(2, delta(servedBefore, servedAfter, "city 1390-Q1 COUNSELLING"));
        assertEquals(1, delta(servedBefore, servedAfter, DISTRICT + " 1390-Q1 TRAINING"));
        assertEquals(1, delta(servedBefore, servedAfter, DISTRICT + " 1390-Q2 TRAINING"));
        assertEquals(1, delta(servedBefore, servedAfter, DISTRICT + " 1390-Q2 BUSINESS_FACILITATION"));
        assertEquals(0, delta(servedBefore, servedAfter, DISTRICT + " 1390-Q2 COUNSELLING"));

        Map<String, Long> movedAfter = moved();
        assertEquals(1, delta(movedBefore, movedAfter, DISTRICT + " " + quarter + " COUNSELLING UP"));
        assertEquals(1, delta(movedBefore, movedAfter, "city " + quarter + " COUNSELLING UP"));
        assertEquals(1, delta(movedBefore, movedAfter, DISTRICT + " " + quarter + " TRAINING DOWN"));
        assertEquals(0, delta(movedBefore, movedAfter, DISTRICT + " " + quarter + " COUNSELLING DOWN"));
        assertEquals(0, delta(movedBefore, movedAfter, DISTRICT + " " + quarter + " TRAINING UP"));
    }

    @Test
    void aJalaliQuarterRunsFromTheFirstDayOfItsFirstMonthToTheLastDayOfItsThirdMonth() {
        List<String[]> q = ServiceFigures.quarters(LocalDate.of(2025, 6, 21), LocalDate.of(2026, 3, 20));
        assertArrayEquals(new String[] {"1404-Q1", "2025-03-21", "2025-06-21"}, q.get(0));
        assertArrayEquals(new String[] {"1404-Q4", "2025-12-22", "2026-03-20"}, q.get(q.size() - 1));
        assertEquals(4, q.size());
    }

    private static String current() {
        JalaliDate today = JalaliDate.of(Tehran.today(java.time.Clock.systemUTC()));
        return today.year() + "-Q" + ((today.month() - 1) / 3 + 1);
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String cell) {
        return after.getOrDefault(cell, 0L) - before.getOrDefault(cell, 0L);
    }

    private Map<String, Long> served() {
        return figures.served().stream().collect(Collectors.toMap(
            c -> (c.district() == null ? "city" : c.district().toString()) + " " + c.quarter() + " " + c.kind(),
            ServiceFigures.Served::women));
    }

    private Map<String, Long> moved() {
        Function<ServiceFigures.Moved, String> key = c -> (c.district() == null ? "city" : c.district().toString())
            + " " + c.quarter() + " " + c.kind() + " " + c.direction();
        return figures.moved().stream().collect(Collectors.toMap(key, ServiceFigures.Moved::women));
    }
}
