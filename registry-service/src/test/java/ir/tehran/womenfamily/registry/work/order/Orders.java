package ir.tehran.womenfamily.registry.work.order;

import static ir.tehran.womenfamily.registry.RegistryApi.as;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.registry.RegistryApi;

/** Test data for production orders and renovations, made through the real API. */
final class Orders {

    static final String ORDERS = "/api/registry/production-orders";
    static final String CAPACITY = "/api/registry/production-capacity";
    static final String RENOVATIONS = "/api/registry/centre-renovations";

    private Orders() {
    }

    static String admin() {
        return RegistryApi.admin();
    }

    /** A fresh centre with the given daily output; returns its id. */
    static String centre(int capacity, int district) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return as(admin()).body(Map.of("code", code, "name", "مرکز کوثر آزمون " + code, "district", district,
                "capacity", capacity))
            .post("/api/registry/workshop-centres").then().statusCode(201).extract().path("id");
    }

    /** An item of {@code quantity} pieces at {@code price} rials each. */
    static Map<String, Object> item(String product, String size, int quantity, long price) {
        return Map.of("product", product, "size", size, "quantity", quantity, "unitPriceRials", price,
            "category", "womens-clothing");
    }

    /** Drafts an order; returns its id. */
    static String draft(String start, String due, List<Map<String, Object>> items) {
        return as(admin()).body(Map.of("department", "سازمان پیشگیری و مدیریت بحران", "title", "لباس فرم",
                "startDate", start, "dueDate", due, "items", items))
            .post(ORDERS).then().statusCode(201).extract().path("id");
    }

    static String etag(String orderId) {
        return as(admin()).get(ORDERS + "/" + orderId).then().statusCode(200).extract().header("ETag");
    }

    /** Sets the split; returns the answer to check. */
    static ValidatableResponse split(String orderId, Map<String, Integer> unitsByCentre) {
        List<Map<String, Object>> allocations = unitsByCentre.entrySet().stream()
            .map(e -> Map.<String, Object>of("centreId", e.getKey(), "units", e.getValue())).toList();
        return as(admin()).header("If-Match", etag(orderId)).body(Map.of("allocations", allocations))
            .put(ORDERS + "/" + orderId + "/allocations").then();
    }

    static ValidatableResponse move(String orderId, String to) {
        return as(admin()).header("If-Match", etag(orderId)).body(Map.of("to", to))
            .post(ORDERS + "/" + orderId + "/transitions").then();
    }

    static ValidatableResponse capacity(String centreId, String from, String to) {
        return as(admin()).queryParam("from", from).queryParam("to", to).get(CAPACITY + "/" + centreId).then();
    }
}
