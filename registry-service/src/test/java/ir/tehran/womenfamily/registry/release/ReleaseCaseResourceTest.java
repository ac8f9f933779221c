package ir.tehran.womenfamily.registry.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.Women;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A mother's release case through the API: its amounts and history, her release joining the prisoners' cohort,
 * her path into work, need-to-know (404 for anyone but her caseworker, break-glass for an admin), an audit that
 * names no fact, and the figure of mothers freed.
 */
@QuarkusTest
class ReleaseCaseResourceTest {

    private static final String CW = "release.cw";

    @Inject
    ReleaseFigures figures;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String cases(String woman) {
        return Women.BASE + woman + "/release-cases";
    }

    private static String open(String woman, String openedOn) {
        return as(Women.caseworker(CW)).body("{\"offence\":\"UNINTENTIONAL\",\"obligation\":\"DIYA\","
                + "\"owedRials\":12000000000,\"openedOn\":\"" + openedOn + "\",\"note\":\"تصادف رانندگی\"}")
            .post(cases(woman)).then().statusCode(201).extract().path("id");
    }

    private static String step(String kind, String on, String extra) {
        return "{\"kind\":\"" + kind + "\",\"on\":\"" + on + "\"" + (extra == null ? "" : "," + extra) + "}";
    }

    @Test
    void herCaseworkerFollowsTheCaseFromDebtToReleaseAndWork() {
        String woman = Women.registerWithCase(CW);
        String id = open(woman, "1390-01-10");
        String path = cases(woman) + "/" + id;
        as(Women.caseworker(CW)).body("{\"offence\":\"FINANCIAL\",\"obligation\":\"DEBT\",\"owedRials\":5,"
            + "\"openedOn\":\"1390-01-11\"}").post(cases(woman))
            .then().statusCode(409).body("type", containsString("release-case-open"));
        as(Women.caseworker(CW)).body(step("COURT_HEARING", "۱۳۹۰-۰۲-۰۱", "\"note\":\"جلسهٔ نخست\""))
            .post(path + "/steps").then().statusCode(201);
        as(Women.caseworker(CW)).body(step("CREDITOR_SETTLEMENT", "1390-03-01", "\"amountRials\":12000000001"))
            .post(path + "/steps").then().statusCode(400).body("errors[0].field", equalTo("amountRials"));
        as(Women.caseworker(CW)).body(step("CREDITOR_SETTLEMENT", "1390-03-01", "\"amountRials\":7000000000"))
            .post(path + "/steps").then().statusCode(201)
            .body("settledRials", equalTo(7000000000L))
            .body("dueRials", equalTo(7000000000L))
            .body("remainingRials", equalTo(7000000000L));
        UUID centre = UUID.randomUUID();
        as(Women.caseworker(CW)).body(step("CENTRE", "1390-04-20", "\"referenceId\":\"" + centre + "\""))
            .post(path + "/steps").then().statusCode(409).body("type", containsString("release-case-not-released"));
        as(Women.caseworker(CW)).body(step("RELEASED", "1390-04-15", null)).post(path + "/steps")
            .then().statusCode(201)
            .body("state", equalTo("RELEASED"))
            .body("releasedOnJalali", equalTo("1390-04-15"));
        as(Women.caseworker(CW)).body(step("COURT_RULING", "1390-04-16", null)).post(path + "/steps")
            .then().statusCode(409).body("type", containsString("release-case-released"));

        // her release recorded her in the prisoners' cohort, so her placement can follow it
        given().auth().oauth2(Women.caseworker(CW)).get(Women.BASE + woman + "/cohorts").then().statusCode(200)
            .body("items.cohort", hasItem("PRISON_RELEASE"))
            .body("items.find { it.cohort == 'PRISON_RELEASE' }.sinceJalali", equalTo("1390-04-15"));
        String placement = as(Women.caseworker(CW)).body("{\"unitName\":\"کارگاه آزادی\",\"training\":\"خیاطی\","
                + "\"trainingCompletedOn\":\"1390-05-10\",\"hoursPerDay\":6,\"hourlyWageRials\":150000,"
                + "\"startedOn\":\"1390-05-20\"}")
            .post(Women.BASE + woman + "/placements").then().statusCode(201).extract().path("id");
        as(Women.caseworker(CW)).body(step("PLACEMENT", "1390-05-20", "\"referenceId\":\"" + UUID.randomUUID() + "\""))
            .post(path + "/steps").then().statusCode(400).body("errors[0].field", equalTo("referenceId"));
        as(Women.caseworker(CW)).body(step("PLACEMENT", "1390-05-20", "\"referenceId\":\"" + placement + "\""))
            .post(path + "/steps").then().statusCode(201);

        given().auth().oauth2(Women.caseworker(CW)).get(path).then().statusCode(200)
            .body("steps.kind", equalTo(List.of("OPENED", "COURT_HEARING", "CREDITOR_SETTLEMENT", "RELEASED",
                "PLACEMENT")))
            .body("steps[0].amountRials", equalTo(12000000000L))
            .body("steps[1].onJalali", equalTo("1390-02-01"))
            .body("owedRials", equalTo(12000000000L))
            .body("drawnRials", equalTo(0));
        given().auth().oauth2(Women.caseworker(CW)).get(cases(woman)).then().statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].steps", equalTo(null));

        // the audit names the case, never a fact of it
        Women.audit(ReleaseCaseService.RESOURCE, woman).then()
            .body("items.action", hasItem("release-case.open"))
            .body("items.action", hasItem("release-case.step"))
            .body("items.action", hasItem("release-case.read"))
            .body(not(containsString("DIYA")))
            .body(not(containsString("12000000000")))
            .body(not(containsString("PRISON_RELEASE")));

        // mothers freed in 1390-Q2: at least her, in her district (5) and city-wide
        List<ReleaseFigures.Cell> cells = figures.mothersFreed(LocalDate.of(2011, 6, 22), LocalDate.of(2011, 9, 22));
        assertTrue(cells.stream().allMatch(c -> c.quarter().equals("1390-Q2")), cells.toString());
        long district = cells.stream().filter(c -> Short.valueOf((short) 5).equals(c.district()))
            .mapToLong(ReleaseFigures.Cell::mothers).sum();
        long city = cells.stream().filter(c -> c.district() == null).mapToLong(ReleaseFigures.Cell::mothers).sum();
        assertTrue(district >= 1, cells.toString());
        assertEquals(city, cells.stream().filter(c -> c.district() != null)
            .mapToLong(ReleaseFigures.Cell::mothers).sum(), "one case per woman here: the districts add up");
    }

    @Test
    void nobodyButHerCaseworkerSeesACaseAndAnAdminOnlyThroughBreakGlass() {
        String woman = Women.registerWithCase(CW);
        String id = open(woman, "1403-01-10");
        String path = cases(woman) + "/" + id;
        // her profile says nothing of it
        given().auth().oauth2(Women.admin("head")).get(Women.BASE + woman).then().statusCode(200)
            .body(not(containsString("release")));
        String nobody = UUID.randomUUID().toString();
        for (String p : List.of(cases(woman), path)) {
            given().auth().oauth2(Women.caseworker("other.cw")).get(p).then().statusCode(404)
                .body("type", equalTo("https://women-family.tehran.ir/problems/not-found"));
            given().auth().oauth2(Women.admin("head")).get(p).then().statusCode(400);
            given().auth().oauth2(TestTokens.forRoles("officer", "sponsorship-officer")).get(p)
                .then().statusCode(403);
        }
        given().auth().oauth2(Women.caseworker("other.cw")).get(cases(nobody)).then().statusCode(404)
            .body("type", equalTo("https://women-family.tehran.ir/problems/not-found"));
        as(Women.caseworker("other.cw")).body(step("COURT_HEARING", "1403-02-01", null)).post(path + "/steps")
            .then().statusCode(404);
        given().auth().oauth2(Women.admin("head")).header("X-Break-Glass-Reason", "court asked for the file")
            .get(path).then().statusCode(200).body("steps", hasSize(1));
        // a case of hers is not reachable through another woman's path
        String other = Women.registerWithCase(CW);
        given().auth().oauth2(Women.caseworker(CW)).get(cases(other) + "/" + id).then().statusCode(404);
    }
}
