package ir.tehran.womenfamily.registry.work.order;

import static io.restassured.RestAssured.given;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static ir.tehran.womenfamily.registry.work.order.Orders.ORDERS;
import static ir.tehran.womenfamily.registry.work.order.Orders.RENOVATIONS;
import static ir.tehran.womenfamily.registry.work.order.Orders.capacity;
import static ir.tehran.womenfamily.registry.work.order.Orders.centre;
import static ir.tehran.womenfamily.registry.work.order.Orders.draft;
import static ir.tehran.womenfamily.registry.work.order.Orders.item;
import static ir.tehran.womenfamily.registry.work.order.Orders.move;
import static ir.tehran.womenfamily.registry.work.order.Orders.split;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

/**
 * Splitting orders across centres by capacity. The window 1406-03-01 to 1406-03-06 (2027-05-22 to 05-27) is
 * Saturday to Thursday: six working days. Every test makes its own centres, so their load is its own.
 */
@QuarkusTest
class OrderSplitTest {

    private static final String FROM = "1406-03-01";
    private static final String TO = "1406-03-06";

    /**
     * Capacity is a daily output: a short order that fills the first two days leaves a longer order over the
     * week only what those two days have left, although the week as a whole still has room.
     */
    @Test
    void aCentreIsJudgedDayByDay() {
        // district 20 has no other test's centres, so the proposal below sees this one alone
        String c = centre(30, 20);
        // 60 pieces over the six days (10 a day) and 30 over the first two (15 a day): 25 a day on those two
        String week = draft(FROM, TO, List.of(item("روپوش", "L", 60, 1_000_000)));
        split(week, Map.of(c, 60)).statusCode(200);
        move(week, "ACCEPTED").statusCode(200);
        String rush = draft(FROM, "1406-03-02", List.of(item("روپوش", "XL", 30, 1_000_000)));
        split(rush, Map.of(c, 30)).statusCode(200);
        move(rush, "ACCEPTED").statusCode(200);
        capacity(c, FROM, TO).statusCode(200).body("remainingUnits", equalTo(90))
            .body("peakDailyLoad", equalTo(25.0f)).body("orderRoomUnits", equalTo(30));

        // another order over the week may add 5 a day: 30 pieces fit, 31 do not, though 90 remain in aggregate
        String more = draft(FROM, TO, List.of(item("شلوار", "M", 31, 900_000)));
        split(more, Map.of(c, 31)).statusCode(409).body("remainingUnits", equalTo(30))
            .body("requestedUnits", equalTo(31));
        as(Orders.admin()).queryParam("district", 20).get(ORDERS + "/" + more + "/split-proposal").then()
            .statusCode(409).body("availableUnits", equalTo(30));
        String fits = draft(FROM, TO, List.of(item("شلوار", "M", 30, 900_000)));
        split(fits, Map.of(c, 30)).statusCode(200);
        move(fits, "ACCEPTED").statusCode(200);
        // over the last four days only the week's orders weigh: 10 + 5 a day
        capacity(c, "1406-03-03", TO).body("peakDailyLoad", equalTo(15.0f)).body("orderRoomUnits", equalTo(60));
    }

    @Test
    void anOrderSplitAcrossTwoCentresAtCapacityIsAcceptedAndFillsThem() {
        String a = centre(10, 7);
        String b = centre(5, 7);
        capacity(a, FROM, TO).statusCode(200).body("from", equalTo("2027-05-22")).body("toJalali", equalTo(TO))
            .body("workingDays", equalTo(6)).body("capacityUnits", equalTo(60)).body("remainingUnits", equalTo(60));
        String order = draft(FROM, TO, List.of(item("روپوش ماموران سد معبر", "L", 50, 2_500_000),
            item("روپوش ماموران سد معبر", "XL", 40, 2_600_000)));
        split(order, ordered(a, 60, b, 30)).statusCode(200).body("allocations.units", hasItem(60))
            .body("totalUnits", equalTo(90));
        move(order, "ACCEPTED").statusCode(200).body("state", equalTo("ACCEPTED"));

        // an accepted order may be split again (it does not compete with itself); the centres hear of it
        split(order, ordered(a, 55, b, 30)).statusCode(400);
        split(order, ordered(b, 30, a, 60)).statusCode(200);
        assertEquals("ACCEPTED", JsonPath.from(RegistryApi.event("registry.production-order", order,
            "production-order.split-changed").value()).getString("state"));
        capacity(a, FROM, TO).body("bookedUnits", equalTo(60)).body("remainingUnits", equalTo(0))
            .body("orders[0].orderId", equalTo(order));
        capacity(b, FROM, TO).body("remainingUnits", equalTo(0));
        as(Orders.admin()).queryParam("centreId", a).queryParam("state", "ACCEPTED").get(ORDERS).then()
            .statusCode(200).body("items.id", equalTo(List.of(order))).body("items.totalUnits", equalTo(List.of(90)))
            .body("items.totalValueRials", equalTo(List.of(229_000_000)))
            .body("items.dueDateJalali", equalTo(List.of(TO)));
        // half the window: half the load
        capacity(a, FROM, "1406-03-03").body("workingDays", equalTo(3)).body("bookedUnits", equalTo(30));

        // four of the six days: 40 of its 60 pieces fall there, and the centre makes 10 a day
        String another = draft("1406-03-02", "1406-03-05", List.of(item("شلوار", "M", 1, 900_000)));
        split(another, Map.of(a, 1)).statusCode(409)
            .contentType("application/problem+json")
            .body("title", equalTo("The centre has no room for this many pieces"))
            .body("centreId", equalTo(a)).body("remainingUnits", equalTo(0)).body("requestedUnits", equalTo(1));
        given().auth().oauth2(Orders.admin()).contentType("application/json")
            .header("If-Match", Orders.etag(another)).body(Map.of("allocations", List.of(Map.of("centreId", a,
                "units", 1))))
            .put(ORDERS + "/" + another + "/allocations").then().statusCode(409)
            .body("title", equalTo("مرکز ظرفیت این تعداد را ندارد"));

        move(order, "CANCELLED").statusCode(200);
        capacity(a, FROM, TO).body("remainingUnits", equalTo(60));
        split(another, Map.of(a, 1)).statusCode(200);
    }

    @Test
    void theSplitMustCoverTheOrderExactlyAndNameEachCentreOnce() {
        String a = centre(100, 8);
        String order = draft(FROM, TO, List.of(item("مقنعه", "", 10, 400_000)));
        move(order, "ACCEPTED").statusCode(409).body("type", containsString("order-split-required"));
        split(order, Map.of(a, 9)).statusCode(400).body("errors.field", hasItem("allocations"));
        as(Orders.admin()).header("If-Match", Orders.etag(order))
            .body(Map.of("allocations", List.of(Map.of("centreId", a, "units", 5), Map.of("centreId", a, "units", 5))))
            .put(ORDERS + "/" + order + "/allocations").then().statusCode(400)
            .body("errors.field", hasItem("allocations[1].centreId"));
        as(Orders.admin()).body(Map.of("allocations", List.of(Map.of("centreId", a, "units", 10))))
            .put(ORDERS + "/" + order + "/allocations").then().statusCode(428);
        as(Orders.admin()).header("If-Match", "\"999\"")
            .body(Map.of("allocations", List.of(Map.of("centreId", a, "units", 10))))
            .put(ORDERS + "/" + order + "/allocations").then().statusCode(412);
    }

    @Test
    void capacityIsCheckedAgainWhenAnOrderIsAccepted() {
        String b = centre(5, 9);
        String first = draft(FROM, TO, List.of(item("چادر", "", 30, 1_000_000)));
        String second = draft(FROM, TO, List.of(item("چادر", "", 30, 1_000_000)));
        split(first, Map.of(b, 30)).statusCode(200);
        split(second, Map.of(b, 30)).statusCode(200);
        move(first, "ACCEPTED").statusCode(200);
        move(second, "ACCEPTED").statusCode(409).body("centreId", equalTo(b)).body("remainingUnits", equalTo(0));
        as(Orders.admin()).get(ORDERS + "/" + second).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void twoOrdersAcceptedAtOnceCannotBothTakeTheLastRoom() throws Exception {
        String b = centre(5, 9);
        String first = draft(FROM, TO, List.of(item("دستکش", "", 30, 150_000)));
        String second = draft(FROM, TO, List.of(item("دستکش", "", 30, 150_000)));
        split(first, Map.of(b, 30)).statusCode(200);
        split(second, Map.of(b, 30)).statusCode(200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> move(first, "ACCEPTED").extract().statusCode());
            var two = pool.submit(() -> move(second, "ACCEPTED").extract().statusCode());
            List<Integer> codes = new java.util.ArrayList<>(List.of(one.get(60, java.util.concurrent.TimeUnit.SECONDS),
                two.get(60, java.util.concurrent.TimeUnit.SECONDS)));
            java.util.Collections.sort(codes);
            assertEquals(List.of(200, 409), codes);
        } finally {
            pool.shutdownNow();
        }
        capacity(b, FROM, TO).body("bookedUnits", equalTo(30)).body("remainingUnits", equalTo(0));
    }

    @Test
    void aCentreUnderRenovationTakesNoOrdersForThoseDays() {
        String c = centre(10, 10);
        String plan = as(Orders.admin()).body(Map.of("centreId", c, "plan", "نوسازی تاسیسات و سیم‌کشی",
                "startsOn", "1406-03-03", "endsOn", "1406-03-04", "budgetRials", 12_000_000_000L))
            .post(RENOVATIONS).then().statusCode(201).extract().path("id");
        capacity(c, FROM, TO).body("renovationDays", equalTo(2)).body("capacityUnits", equalTo(40));

        String order = draft(FROM, TO, List.of(item("کیف", "", 10, 1_000_000)));
        split(order, Map.of(c, 10)).statusCode(409)
            .body("type", containsString("centre-under-renovation")).body("renovationId", equalTo(plan))
            .body("detail", containsString("1406-03-03"));
        // after the renovation it is open again
        String later = draft("1406-03-05", "1406-03-06", List.of(item("کیف", "", 10, 1_000_000)));
        split(later, Map.of(c, 10)).statusCode(200);
        move(later, "ACCEPTED").statusCode(200);
        // and a proposal never sends an order to a centre under renovation
        centre(10, 10);
        JsonPath proposal = as(Orders.admin()).queryParam("district", 10).get(ORDERS + "/" + order + "/split-proposal")
            .then().statusCode(200).extract().jsonPath();
        assertTrue(!proposal.getList("allocations.centreId").contains(c), proposal.prettify());
    }

    @Test
    void aRenovationCannotBePlannedOverAcceptedOrders() {
        String c = centre(10, 11);
        String order = draft(FROM, TO, List.of(item("کلاه", "", 20, 300_000)));
        split(order, Map.of(c, 20)).statusCode(200);
        move(order, "ACCEPTED").statusCode(200);
        as(Orders.admin()).body(Map.of("centreId", c, "plan", "بازسازی", "startsOn", "1406-03-06",
                "endsOn", "1406-04-01"))
            .post(RENOVATIONS).then().statusCode(409).body("type", containsString("renovation-clashes-with-orders"))
            .body("orders", equalTo(List.of(order)));
    }

    @Test
    void theProposalFillsTheCentresWithTheMostRoomFirstAndRefusesWhatNoneCanTake() {
        String big = centre(40, 12);
        String small = centre(2, 12);
        String order = draft(FROM, TO, List.of(item("ملحفه", "", 250, 700_000)));
        JsonPath p = as(Orders.admin()).queryParam("district", 12).get(ORDERS + "/" + order + "/split-proposal")
            .then().statusCode(200).body("totalUnits", equalTo(250))
            .body("allocations.units", everyItem(not(equalTo(0)))).extract().jsonPath();
        List<Integer> units = p.getList("allocations.units", Integer.class);
        List<Integer> remaining = p.getList("allocations.remainingUnits", Integer.class);
        assertEquals(250, units.stream().mapToInt(Integer::intValue).sum());
        for (int i = 0; i < units.size(); i++) {
            assertTrue(units.get(i) <= remaining.get(i), p.prettify());
            if (i > 0) {
                assertTrue(remaining.get(i) <= remaining.get(i - 1), p.prettify());
            }
        }
        assertTrue(p.getList("allocations.centreId").contains(big), p.prettify());
        assertTrue(units.get(0) >= 240 || !p.getList("allocations.centreId").get(0).equals(big), p.prettify());

        // the proposal, applied as it is, is accepted
        Map<String, Integer> applied = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            applied.put(p.getString("allocations[" + i + "].centreId"), units.get(i));
        }
        split(order, applied).statusCode(200);
        move(order, "ACCEPTED").statusCode(200);
        capacity(small, FROM, TO).statusCode(200);

        String huge = draft(FROM, TO, List.of(item("ملحفه", "", 1_000_000, 1)));
        as(Orders.admin()).queryParam("district", 12).get(ORDERS + "/" + huge + "/split-proposal").then()
            .statusCode(409).body("type", containsString("insufficient-capacity"))
            .body("requestedUnits", equalTo(1_000_000));
    }

    private static Map<String, Integer> ordered(String a, int au, String b, int bu) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(a, au);
        m.put(b, bu);
        return m;
    }
}
