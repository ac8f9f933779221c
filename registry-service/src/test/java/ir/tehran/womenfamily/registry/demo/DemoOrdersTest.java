package ir.tehran.womenfamily.registry.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.registry.work.order.OrderState;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The demo's production orders: one in each state, made through the real services over centres with room,
 * so each can be read, and followed on, like any other order.
 */
@QuarkusTest
class DemoOrdersTest {

    private static final String ORDERS = "/api/registry/production-orders/";

    @Inject
    DemoOrders demo;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    /** A fresh centre of district 22 (no other test asks for proposals there). */
    private static UUID centre(int capacity) {
        String code = "DEMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return UUID.fromString(as(RegistryApi.admin()).body(Map.of("code", code, "name", "مرکز کوثر نمایشی " + code,
                "district", 22, "capacity", capacity))
            .post("/api/registry/workshop-centres").then().statusCode(201).extract().path("id"));
    }

    @Test
    void oneOrderInEachStateOverTheCentresWithRoom() {
        // the first centre is too small for any share, so every order goes to the other two
        UUID tiny = centre(1);
        UUID first = centre(60);
        UUID second = centre(60);
        List<UUID> women = IntStream.range(0, 4).mapToObj(i -> UUID.fromString(Women.register())).toList();
        LocalDate today = LocalDate.now(Tehran.ZONE);

        Map<OrderState, UUID> made = demo.seed(List.of(tiny, first, second), women, today).orders();

        assertEquals(List.of(OrderState.DRAFT, OrderState.ACCEPTED, OrderState.IN_PRODUCTION, OrderState.DELIVERED,
            OrderState.PAID, OrderState.CANCELLED), List.copyOf(made.keySet()));
        made.forEach((state, id) -> as(RegistryApi.admin()).get(ORDERS + id).then().statusCode(200)
            .body("state", equalTo(state.name()))
            .body("allocations.centreId", not(hasItem(tiny.toString()))));
        as(RegistryApi.admin()).get(ORDERS + made.get(OrderState.ACCEPTED)).then()
            .body("allocations.centreId", containsInAnyOrder(first.toString(), second.toString()));

        // in production: the women's hours, an accepted, a rejected (with its reason) and a pending delivery
        UUID running = made.get(OrderState.IN_PRODUCTION);
        as(RegistryApi.admin()).get(ORDERS + running + "/work").then().statusCode(200).body("items", hasSize(32));
        as(RegistryApi.admin()).get(ORDERS + running + "/deliveries").then().statusCode(200)
            .body("items.state", equalTo(List.of("ACCEPTED", "REJECTED", "PENDING")))
            .body("items.find { it.state == 'REJECTED' }.reason",
                equalTo("دوخت سرشانه‌ها با نمونه تأییدشده یکسان نیست"));
        // it can be followed on like any order: the pending delivery is inspected
        String pending = as(RegistryApi.admin()).get(ORDERS + running + "/deliveries").then().extract()
            .path("items.find { it.state == 'PENDING' }.id");
        as(RegistryApi.admin()).body(Map.of("outcome", "ACCEPTED"))
            .post(ORDERS + running + "/deliveries/" + pending + "/inspection").then().statusCode(200)
            .body("state", equalTo("ACCEPTED"));

        // paid: the wage pool split among the three women who worked on it
        as(RegistryApi.admin()).get(ORDERS + made.get(OrderState.PAID) + "/payment").then().statusCode(200)
            .body("paid", equalTo(true)).body("wagePoolRials", equalTo(180_000_000)).body("women", equalTo(3));
    }

    @Test
    void anOrderThatFindsNoRoomIsLeftOut() {
        UUID tiny = centre(1);
        List<UUID> women = IntStream.range(0, 4).mapToObj(i -> UUID.fromString(Women.register())).toList();

        Map<OrderState, UUID> made = demo.seed(List.of(tiny), women, LocalDate.now(Tehran.ZONE)).orders();

        assertEquals(List.of(OrderState.DRAFT, OrderState.CANCELLED), List.copyOf(made.keySet()));
    }
}
