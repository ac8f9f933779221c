package ir.tehran.womenfamily.registry.release;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * A mother's release case through the API: its amounts and history, her release joining the prisoners' cohort,
 * her path into work, need-to-know (404 for anyone but her caseworker, break-glass for an admin), an audit that
 * names no fact, and the figure of mothers freed.
 */
@QuarkusTest
class ReleaseCaseResourceTest {

    private static final String CW = "release.cw";
    private static final String FUND = "6d6f7468-6572-7300-0000-000000000001";

    @Inject
    ReleaseFigures figures;

    @Inject
    EntityManager em;

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

    /** Sends sponsorship's fund event as sponsorship publishes it (a CloudEvent in binary mode). */
    private static String fundEvent(String type, String json) {
        String id = UUID.randomUUID().toString();
        Map<String, String> ce = new LinkedHashMap<>();
        ce.put("id", id);
        ce.put("source", "/women-family/sponsorship");
        ce.put("type", "ir.tehran.womenfamily.sponsorship." + type);
        ce.put("subject", FUND);
        ce.put("time", Instant.now().toString());
        ce.put("dataschema", "urn:women-family:events:sponsorship:" + type + ":v1");
        RegistryApi.probe().sendCloudEvent("sponsorship.release-fund", FUND, ce, json);
        return id;
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
            "select count(*) from processed_event where consumer = 'registry-release-fund' and event_id = ?1")
            .setParameter(1, eventId).getSingleResult()).longValue() == 1);
    }

    private static String changed(long sequence, long balance, String drawId, Long amount) {
        return "{\"fundId\":\"" + FUND + "\",\"sequence\":" + sequence + ",\"contributedRials\":" + balance
            + ",\"drawnRials\":0,\"balanceRials\":" + balance + ",\"drawId\":"
            + (drawId == null ? "null" : "\"" + drawId + "\"") + ",\"drawnAmountRials\":" + amount + "}";
    }

    private static io.restassured.response.ValidatableResponse fund() {
        return given().auth().oauth2(Women.caseworker(CW)).get("/api/registry/release-fund").then().statusCode(200);
    }

    @Test
    void drawsTellSponsorshipOnlyAnIdAndAnAmountAndNeverOverdrawTheFund() throws Exception {
        String woman = Women.registerWithCase(CW);
        String id = as(Women.caseworker(CW)).body("{\"offence\":\"FINANCIAL\",\"obligation\":\"DEBT\","
                + "\"owedRials\":5000000000,\"openedOn\":\"1404-01-10\"}")
            .post(cases(woman)).then().statusCode(201).extract().path("id");
        String draws = cases(woman) + "/" + id + "/draws";
        long sequence = System.currentTimeMillis();
        fundEvent("release-fund.changed", changed(sequence, 1_000_000_000L, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> fund().extract().jsonPath().getLong("sequence") == sequence);
        // an older event never overwrites a newer balance
        String older = fundEvent("release-fund.changed", changed(sequence - 1, 5L, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(older));
        fund().body("balanceRials", equalTo(1000000000)).body("sequence", equalTo(sequence));
        long waiting = fund().extract().jsonPath().getLong("waitingRials");
        long available = 1_000_000_000L - waiting;

        as(Women.caseworker(CW)).body("{\"amountRials\":" + (available + 1) + "}").post(draws)
            .then().statusCode(409).body("type", containsString("release-fund-insufficient"));
        String drawId = as(Women.caseworker(CW)).body("{\"amountRials\":600000000}").post(draws)
            .then().statusCode(201)
            .body("drawnRials", equalTo(600000000))
            .body("remainingRials", equalTo(4400000000L))
            .body("steps[-1].kind", equalTo("FUND_DRAW"))
            .extract().path("steps[-1].referenceId");
        fund().body("availableRials", equalTo((int) (available - 600_000_000L)));
        EventProbe.Message sent = RegistryApi.event("registry.release-fund", drawId, "release-fund.draw-requested");
        JsonNode payload = new ObjectMapper().readTree(sent.value());
        assertEquals(List.of("amountRials", "drawId"), fieldNames(payload));
        assertEquals(600_000_000L, payload.path("amountRials").asLong());
        assertFalse(sent.value().contains(woman) || sent.value().contains(id), "nothing that leads to her");

        // sponsorship refuses it: her case gets the amount back, and the history says so
        fundEvent("release-fund.draw-refused", "{\"fundId\":\"" + FUND + "\",\"sequence\":" + (sequence + 1)
            + ",\"balanceRials\":1000000000,\"drawId\":\"" + drawId + "\",\"amountRials\":600000000}");
        String path = cases(woman) + "/" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Women.caseworker(CW)).get(path)
            .then().extract().jsonPath().getLong("drawnRials") == 0);
        given().auth().oauth2(Women.caseworker(CW)).get(path).then().body("steps[-1].kind",
            equalTo("FUND_DRAW_REFUSED"));

        // a draw sponsorship pays: the balance it reports takes the draw's place in what waits
        String paid = as(Women.caseworker(CW)).body("{\"amountRials\":300000000}").post(draws)
            .then().statusCode(201).extract().path("steps[-1].referenceId");
        fundEvent("release-fund.changed", changed(sequence + 2, 700_000_000L, paid, 300_000_000L));
        await().atMost(Duration.ofSeconds(30)).until(() -> fund().extract().jsonPath().getLong("sequence")
            == sequence + 2);
        fund().body("balanceRials", equalTo(700000000))
            .body("availableRials", equalTo((int) (700_000_000L - waiting)));
        given().auth().oauth2(Women.caseworker(CW)).get(path).then().body("drawnRials", equalTo(300000000));
        given().auth().oauth2(TestTokens.forRoles("officer", "sponsorship-officer")).get("/api/registry/release-fund")
            .then().statusCode(403);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        return names;
    }
}
