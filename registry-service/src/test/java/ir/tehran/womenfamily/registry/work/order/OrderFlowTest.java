package ir.tehran.womenfamily.registry.work.order;

import static io.restassured.RestAssured.given;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static ir.tehran.womenfamily.registry.work.order.Orders.ORDERS;
import static ir.tehran.womenfamily.registry.work.order.Orders.centre;
import static ir.tehran.womenfamily.registry.work.order.Orders.item;
import static ir.tehran.womenfamily.registry.work.order.Orders.move;
import static ir.tehran.womenfamily.registry.work.order.Orders.split;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import org.junit.jupiter.api.Test;

/** An order from draft to paid: dates in Jalali, hours, partial and rejected deliveries, pay by hours. */
@QuarkusTest
class OrderFlowTest {

    private static final String TOPIC = "registry.production-order";

    @Test
    void anOrderGoesFromDraftToPaidAndTheWomenArePaidByTheirHoursToTheRial() {
        LocalDate today = LocalDate.now(Tehran.ZONE);
        LocalDate start = today.minusDays(10);
        LocalDate due = today.plusDays(20);
        String centre = centre(50, 3);
        String otherCentre = centre(50, 3);
        String admin = Orders.admin();

        // dates in Jalali with Persian digits; the answer gives both calendars
        String startJalali = toPersianDigits(Days.jalali(start).replace('-', '/'));
        JsonPath created = as(admin).body(Map.of("department", "سازمان حمل و نقل و ترافیک - معاینه فنی",
                "departmentReference", "۱۴۰۵/ت/۲۲۱", "startDate", startJalali, "dueDate", Days.jalali(due),
                "items", List.of(item("روپوش کارشناسان معاینه فنی", "L", 30, 2_000_000),
                    item("روپوش کارشناسان معاینه فنی", "XL", 20, 2_100_000))))
            .post(ORDERS).then().statusCode(201).header("ETag", notNullValue())
            .header("Location", containsString("/production-orders/"))
            .body("state", equalTo("DRAFT")).body("startDate", equalTo(start.toString()))
            .body("dueDateJalali", equalTo(Days.jalali(due))).body("totalUnits", equalTo(50))
            .body("totalValueRials", equalTo(102_000_000)).body("departmentReference", equalTo("1405/ت/221"))
            .extract().jsonPath();
        String order = created.getString("id");
        String item1 = created.getString("items[0].id");
        String item2 = created.getString("items[1].id");
        EventProbe.Message drafted = awaitState(order, "DRAFT");
        Map<String, Object> draftedPayload = JsonPath.from(drafted.value()).getMap("$");
        assertTrue(draftedPayload.containsKey("previousState") && draftedPayload.get("previousState") == null,
            drafted.value());

        // illegal moves and a draft's own rules
        move(order, "IN_PRODUCTION").statusCode(409).contentType("application/problem+json")
            .body("title", equalTo("This change of state is not allowed"))
            .body("detail", equalTo("It cannot move from DRAFT to IN_PRODUCTION."));
        move(order, "ACCEPTED").statusCode(409).body("type", containsString("order-split-required"));
        as(admin).body(Map.of("title", "روپوش")).patch(ORDERS + "/" + order).then().statusCode(428);
        as(admin).header("If-Match", "\"41\"").body(Map.of("title", "روپوش")).patch(ORDERS + "/" + order).then()
            .statusCode(412);
        as(admin).header("If-Match", Orders.etag(order)).body(Map.of("title", "روپوش معاینه فنی"))
            .patch(ORDERS + "/" + order).then().statusCode(200).body("title", equalTo("روپوش معاینه فنی"));

        split(order, Map.of(centre, 50)).statusCode(200);
        move(order, "ACCEPTED").statusCode(200);
        as(admin).header("If-Match", Orders.etag(order)).body(Map.of("title", "x")).patch(ORDERS + "/" + order)
            .then().statusCode(409).body("type", containsString("order-not-draft"));
        move(order, "IN_PRODUCTION").statusCode(200).body("history.state",
            equalTo(List.of("DRAFT", "ACCEPTED", "IN_PRODUCTION")));
        JsonPath accepted = JsonPath.from(awaitState(order, "ACCEPTED").value());
        assertEquals(List.of(Map.of("centreId", centre, "units", 50)), accepted.getList("centres"));

        // the women and their hours
        String w1 = RegistryApi.register(admin, "مریم", "کاظمی", 3);
        String w2 = RegistryApi.register(admin, "فاطمه", "رحیمی", 4);
        String w3 = RegistryApi.register(admin, "سمیه", "نوری", 4);
        String day1 = Days.jalali(today.minusDays(5));
        String day2 = today.minusDays(4).toString();
        as(admin).body(Map.of("entries", List.of(work(w1, centre, day1, "4"), work(w2, centre, day1, "5"),
                work(w1, centre, day2, "3.5"), work(w3, centre, day2, "2.5"))))
            .post(ORDERS + "/" + order + "/work").then().statusCode(201).body("$", hasSize(4))
            .body("workDate", hasItem(today.minusDays(5).toString())).body("workDateJalali", hasItem(day1));
        as(admin).body(Map.of("entries", List.of(work(w2, centre, day1, "8"))))
            .post(ORDERS + "/" + order + "/work").then().statusCode(409).body("type", containsString("too-many-hours"));
        as(admin).body(Map.of("entries", List.of(work(w2, centre, day1, "12.5"))))
            .post(ORDERS + "/" + order + "/work").then().statusCode(400).body("errors.field",
                hasItem("entries[0].hours"));
        as(admin).body(Map.of("entries", List.of(work(w2, otherCentre, day1, "1"))))
            .post(ORDERS + "/" + order + "/work").then().statusCode(400)
            .body("errors.field", hasItem("entries[0].centreId"));
        as(admin).body(Map.of("entries", List.of(work(w2, centre, start.minusDays(1).toString(), "1"))))
            .post(ORDERS + "/" + order + "/work").then().statusCode(400)
            .body("errors.field", hasItem("entries[0].workDate"));

        // deliveries: one rejected with its reason, then partial ones accepted
        String d1 = deliver(order, centre, Map.of(item1, 30)).body("state", equalTo("PENDING")).extract().path("id");
        inspect(order, d1, Map.of("outcome", "REJECTED")).statusCode(400).body("errors.field", hasItem("reason"));
        inspect(order, d1, Map.of("outcome", "REJECTED", "reason", "دوخت یقه نامرغوب است")).statusCode(200)
            .body("state", equalTo("REJECTED")).body("reason", equalTo("دوخت یقه نامرغوب است"));
        String d2 = deliver(order, centre, Map.of(item1, 30, item2, 10)).extract().path("id");
        inspect(order, d2, Map.of("outcome", "ACCEPTED")).statusCode(200).body("inspectedOnJalali", notNullValue());
        move(order, "DELIVERED").statusCode(409).body("type", containsString("order-not-fully-delivered"))
            .body("missingUnits", equalTo(10));
        as(admin).body(Map.of("centreId", centre, "deliveredOn", today.toString(),
                "lines", List.of(Map.of("itemId", item2, "quantity", 11))))
            .post(ORDERS + "/" + order + "/deliveries").then().statusCode(409)
            .body("type", containsString("delivery-exceeds-order")).body("openQuantity", equalTo(10));
        String d3 = deliver(order, centre, Map.of(item2, 10)).extract().path("id");
        inspect(order, d3, Map.of("outcome", "ACCEPTED")).statusCode(200);
        inspect(order, d3, Map.of("outcome", "REJECTED", "reason", "دیر")).statusCode(409)
            .body("type", containsString("delivery-decided"));
        move(order, "PAID").statusCode(409).body("type", containsString("illegal-transition"));
        move(order, "DELIVERED").statusCode(200);
        move(order, "PAID").statusCode(400).body("errors.field", hasItem("to"));
        as(admin).get(ORDERS + "/" + order).then().body("items.acceptedQuantity", equalTo(List.of(30, 20)))
            .body("acceptedValueRials", equalTo(102_000_000));

        // pay: 1,000,001 rials over 7.5, 5 and 2.5 hours; the left-over rials go to the largest remainders
        as(admin).body(Map.of("wagePoolRials", 102_000_001L)).post(ORDERS + "/" + order + "/payment").then()
            .statusCode(400).body("errors.field", hasItem("wagePoolRials"));
        as(admin).queryParam("wagePoolRials", 1_000_001).get(ORDERS + "/" + order + "/payment-preview").then()
            .statusCode(200).body("paid", equalTo(false));
        JsonPath paid = as(admin).body(Map.of("wagePoolRials", 1_000_001L)).post(ORDERS + "/" + order + "/payment")
            .then().statusCode(200).body("paid", equalTo(true)).body("women", equalTo(3))
            .body("totalHours", equalTo(15.0f)).extract().jsonPath();
        Map<String, Long> byWoman = Map.of(w1, 500_000L, w2, 333_334L, w3, 166_667L);
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            String woman = paid.getString("payouts[" + i + "].beneficiaryId");
            long amount = paid.getLong("payouts[" + i + "].amountRials");
            assertEquals(byWoman.get(woman), amount, paid.prettify());
            sum += amount;
        }
        assertEquals(1_000_001L, sum);
        as(admin).get(ORDERS + "/" + order).then().body("state", equalTo("PAID"))
            .body("wagePoolRials", equalTo(1_000_001));

        EventProbe.Message paidEvent = awaitState(order, "PAID");
        for (String woman : List.of(w1, w2, w3)) {
            assertFalse(paidEvent.value().contains(woman), paidEvent.value());
        }
        assertFalse(paidEvent.value().contains("مریم"), paidEvent.value());
        assertEquals("DELIVERED", JsonPath.from(paidEvent.value()).getString("previousState"));

        // nothing after paid; the refusal in Persian by default
        move(order, "CANCELLED").statusCode(409).body("detail", equalTo("It cannot move from PAID to CANCELLED."));
        given().auth().oauth2(admin).contentType("application/json").header("If-Match", Orders.etag(order))
            .body(Map.of("to", "CANCELLED")).post(ORDERS + "/" + order + "/transitions").then().statusCode(409)
            .contentType("application/problem+json").body("title", equalTo("این تغییر وضعیت مجاز نیست"));
        as(admin).body(Map.of("wagePoolRials", 5L)).post(ORDERS + "/" + order + "/payment").then().statusCode(409);

        // a caseworker reads the order but sees only the women of her districts
        String cw3 = RegistryApi.caseworker("cw-orders-3", 3);
        as(cw3).get(ORDERS + "/" + order).then().statusCode(200);
        as(cw3).get(ORDERS + "/" + order + "/payment").then().statusCode(200).body("women", equalTo(3))
            .body("payouts.beneficiaryId", equalTo(List.of(w1)));
        as(cw3).get(ORDERS + "/" + order + "/work").then().statusCode(200)
            .body("items.beneficiaryId", equalTo(List.of(w1, w1)));
        as(cw3).get(ORDERS + "/" + order + "/deliveries").then().statusCode(200).body("items", hasSize(3));

        Women.audit("production-order", order).then()
            .body("items.action", hasItems("production-order.create", "production-order.split",
                "production-order.work", "production-order.inspect", "production-order.pay"));
    }

    @Test
    void aDueDateThatDoesNotExistOrIsPastIsRefusedWithTheField() {
        String admin = Orders.admin();
        as(admin).body(Map.of("department", "منطقه ۵", "dueDate", "1403-12-30",
                "items", List.of(item("پیراهن", "M", 1, 10))))
            .post(ORDERS).then().statusCode(400).body("errors.field", hasItem("dueDate"));
        as(admin).body(Map.of("department", "منطقه ۵", "dueDate", "1400-01-10",
                "items", List.of(item("پیراهن", "M", 1, 10))))
            .post(ORDERS).then().statusCode(400).body("errors.field", hasItem("dueDate"))
            .body("errors.message", hasItem("The due date cannot be in the past"));
        as(admin).body(Map.of("department", "منطقه ۵", "startDate", "1406-02-10", "dueDate", "1406-02-01",
                "items", List.of(item("پیراهن", "M", 1, 10))))
            .post(ORDERS).then().statusCode(400).body("errors.field", hasItem("dueDate"));
        as(admin).body(Map.of("department", "منطقه ۵", "dueDate", "1406-02-01",
                "items", List.of(item("پیراهن", "M", 0, 10), item("پیراهن", "M", 1, -5))))
            .post(ORDERS).then().statusCode(400)
            .body("errors.field", hasItems("items[0].quantity", "items[1].unitPriceRials"));
        as(admin).body(Map.of("department", "منطقه ۵", "dueDate", "1406-02-01",
                "items", List.of(item("پیراهن", "M", 1, 10), item("پيراهن", "M", 2, 10))))
            .post(ORDERS).then().statusCode(400).body("errors.field", hasItem("items[1]"));
    }

    @Test
    void onlyAdminsWriteOrdersAndCaseworkersRead() {
        String order = Orders.draft("1406-03-01", "1406-03-06", List.of(item("جوراب", "", 5, 100_000)));
        given().get(ORDERS + "/" + order).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("to", "CANCELLED"))
            .post(ORDERS + "/" + order + "/transitions").then().statusCode(401);
        String cw = RegistryApi.caseworker("cw-orders", 5);
        as(cw).get(ORDERS + "/" + order).then().statusCode(200);
        as(cw).get(ORDERS).then().statusCode(200);
        move403(cw, order);
        as(cw).body(Map.of("department", "x", "dueDate", "1406-03-06", "items", List.of(item("x", "", 1, 1))))
            .post(ORDERS).then().statusCode(403).contentType("application/problem+json");
        String coordinator = ir.tehran.womenfamily.localstack.TestTokens.forRoles("coord", "bazaar-coordinator");
        as(coordinator).get(ORDERS + "/" + order).then().statusCode(403);
        as(coordinator).queryParam("from", "1406-03-01").queryParam("to", "1406-03-06").get(Orders.CAPACITY)
            .then().statusCode(403);
        as(Orders.admin()).get(ORDERS + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
            .body("detail", containsString("production order"));
        as(Orders.admin()).queryParam("from", "1406-03-01").get(Orders.CAPACITY).then().statusCode(400)
            .body("errors.field", hasItem("to"));
        as(Orders.admin()).queryParam("from", "1406-13-01").queryParam("to", "1406-03-06").get(Orders.CAPACITY)
            .then().statusCode(400).body("errors.field", hasItem("from"));
    }

    private static void move403(String token, String order) {
        as(token).body(Map.of("to", "CANCELLED")).post(ORDERS + "/" + order + "/transitions").then().statusCode(403);
    }

    private static Map<String, Object> work(String woman, String centre, String day, String hours) {
        return Map.of("beneficiaryId", woman, "centreId", centre, "workDate", day,
            "hours", new java.math.BigDecimal(hours));
    }

    private static io.restassured.response.ValidatableResponse deliver(String order, String centre,
            Map<String, Integer> lines) {
        return as(Orders.admin()).body(Map.of("centreId", centre, "deliveredOn", LocalDate.now(Tehran.ZONE).toString(),
                "lines", lines.entrySet().stream().map(e -> Map.of("itemId", e.getKey(), "quantity", e.getValue()))
                    .toList()))
            .post(ORDERS + "/" + order + "/deliveries").then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse inspect(String order, String delivery,
            Map<String, String> verdict) {
        return as(Orders.admin()).body(verdict).post(ORDERS + "/" + order + "/deliveries/" + delivery + "/inspection")
            .then();
    }

    /** The state-changed event of the order reaching {@code state}, checked against the published contract. */
    private static EventProbe.Message awaitState(String order, String state) {
        EventProbe.Message m = RegistryApi.probe().await(TOPIC, r -> order.equals(r.key())
            && "ir.tehran.womenfamily.registry.production-order.state-changed".equals(r.ce("type"))
            && state.equals(JsonPath.from(r.value()).getString("state")), Duration.ofSeconds(30));
        Set<String> violations = EventContract.load().violations(m.ce("dataschema"), m.value());
        assertTrue(violations.isEmpty(), violations + " in " + m.value());
        return m;
    }

    private static String toPersianDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isDigit(c) ? (char) ('۰' + (c - '0')) : c);
        }
        return b.toString();
    }
}
