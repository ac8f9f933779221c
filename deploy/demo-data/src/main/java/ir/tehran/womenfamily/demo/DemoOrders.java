package ir.tehran.womenfamily.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import ir.tehran.womenfamily.support.taxonomy.Category;

/**
 * A handful of production orders (سفارش تولید) for the demo: one in each state, split across centres with room
 * for them, with the hours of the women who work on them, partial, accepted and rejected deliveries and a
 * payment. They are made through the registry's production-order API like real orders (capacity, renovation and
 * every rule checked by the registry; every event sent), dated around {@code today}.
 */
final class DemoOrders {

    private static final String ORDERS = "/production-orders";

    private final RegistryApi api;

    DemoOrders(RegistryApi api) {
        this.api = api;
    }

    /**
     * Makes the demo orders over {@code centres} (the first ones with room take each order) with the hours of
     * {@code women} (at least four), and answers them by state (DRAFT, ACCEPTED, IN_PRODUCTION, DELIVERED, PAID,
     * CANCELLED). An order that finds no room is left out, and so missing from the answer.
     */
    Map<String, UUID> seed(List<UUID> centres, List<UUID> women, LocalDate today) {
        if (women.size() < 4) {
            throw new IllegalArgumentException("the demo orders need at least four women");
        }
        Map<String, UUID> made = new LinkedHashMap<>();
        // a draft, not yet split: the boundary wardens' winter uniforms
        JsonNode draft = create("معاونت خدمات شهری", "۱۴۰۴/خ/۲۱۷", "لباس زمستانی مرزبانان شهری", today.plusDays(14),
            today.plusDays(75), List.of(item("کاپشن مرزبان", "L", 120, 18_500_000L),
                item("کاپشن مرزبان", "XL", 80, 19_000_000L)));
        made.put("DRAFT", id(draft));

        // accepted and split across two centres: the vehicle-inspection staff's shirts
        order("سازمان معاینه فنی خودرو", "پیراهن کارشناسان معاینه فنی", today.plusDays(7), today.plusDays(50),
            List.of(item("پیراهن آستین‌بلند", "M", 150, 4_200_000L), item("پیراهن آستین‌بلند", "L", 150,
                4_200_000L)), centres, 2)
            .map(o -> move(id(o), "ACCEPTED"))
            .ifPresent(o -> made.put("ACCEPTED", id(o)));

        // in production since three weeks: the city wardens' uniforms, with hours and deliveries of both kinds
        order("معاونت اجرائیات شهرداری تهران", "یونیفرم ماموران اجرائیات", today.minusDays(21), today.plusDays(30),
            List.of(item("کت یونیفرم", "L", 100, 9_800_000L), item("شلوار یونیفرم", "L", 100, 5_600_000L)),
            centres, 2)
            .map(o -> produce(o, women.subList(0, 4), today.minusDays(20), 8))
            .ifPresent(o -> {
                UUID order = id(o);
                String centre = o.path("allocations").get(0).path("centreId").asText();
                String jacket = o.path("items").get(0).path("id").asText();
                accept(order, deliver(order, centre, today.minusDays(6), List.of(line(jacket, 40))),
                    today.minusDays(4));
                UUID rejected = deliver(order, centre, today.minusDays(3), List.of(line(jacket, 10)));
                inspect(order, rejected, "REJECTED", "دوخت سرشانه‌ها با نمونه تأییدشده یکسان نیست", today.minusDays(1));
                deliver(order, centre, today, List.of(line(jacket, 15)));
                made.put("IN_PRODUCTION", order);
            });

        // delivered in full, awaiting payment: the coaches' outfits for the women's sports halls
        order("اداره کل ورزش بانوان", "لباس مربیان سالن‌های ورزشی بانوان", today.minusDays(30), today.plusDays(5),
            List.of(item("مانتو ورزشی", "M", 60, 6_300_000L)), centres, 1)
            .map(o -> produce(o, women.subList(1, 4), today.minusDays(28), 6))
            .map(o -> deliverAll(o, today.minusDays(3)))
            .ifPresent(o -> made.put("DELIVERED", id(o)));

        // paid: the wages split among the women by their hours
        order("سازمان مدیریت پسماند", "روپوش کارکنان ایستگاه‌های بازیافت", today.minusDays(45), today.plusDays(2),
            List.of(item("روپوش کار", "L", 80, 3_900_000L), item("روپوش کار", "XL", 40, 3_900_000L)), centres, 2)
            .map(o -> produce(o, women.subList(0, 3), today.minusDays(44), 10))
            .map(o -> deliverAll(o, today.minusDays(8)))
            .ifPresent(o -> {
                api.post(ORDERS + "/" + id(o) + "/payment", Map.of("wagePoolRials", 180_000_000L));
                made.put("PAID", id(o));
            });

        // cancelled by the department before it was accepted
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("product", "پرچم پارچه‌ای");
        flags.put("quantity", 500);
        flags.put("unitPriceRials", 450_000L);
        JsonNode cancelled = create("معاونت فرهنگی و اجتماعی", null, "پرچم‌های جشنوارهٔ محله", today.plusDays(3),
            today.plusDays(20), List.of(flags));
        move(id(cancelled), "CANCELLED");
        made.put("CANCELLED", id(cancelled));
        return made;
    }

    private static Map<String, Object> item(String product, String size, int quantity, long unitPriceRials) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("product", product);
        item.put("category", Category.WOMENS_CLOTHING.code());
        item.put("size", size);
        item.put("quantity", quantity);
        item.put("unitPriceRials", unitPriceRials);
        return item;
    }

    private static Map<String, Object> line(String item, int quantity) {
        return Map.of("itemId", item, "quantity", quantity);
    }

    private static UUID id(JsonNode view) {
        return UUID.fromString(view.path("id").asText());
    }

    private JsonNode create(String department, String reference, String title, LocalDate start, LocalDate due,
            List<Map<String, Object>> items) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("department", department);
        if (reference != null) {
            order.put("departmentReference", reference);
        }
        order.put("title", title);
        order.put("startDate", start.toString());
        order.put("dueDate", due.toString());
        order.put("items", items);
        return api.post(ORDERS, order);
    }

    /** Moves the order as a coordinator's app does: over the version it last read. */
    private JsonNode move(UUID order, String to) {
        long version = api.get(ORDERS + "/" + order).path("version").asLong();
        return api.postOver(ORDERS + "/" + order + "/transitions", Map.of("to", to), version);
    }

    /**
     * A new order split evenly across the first {@code parts} centres that have room for their share over its
     * window (the registry's capacity API); none is made when fewer have room.
     */
    private Optional<JsonNode> order(String department, String title, LocalDate start, LocalDate due,
            List<Map<String, Object>> items, List<UUID> centres, int parts) {
        long total = items.stream().mapToLong(i -> ((Number) i.get("quantity")).longValue()).sum();
        long share = (total + parts - 1) / parts;
        List<UUID> chosen = centres.stream()
            .filter(c -> api.get("/production-capacity/" + c + "?from=" + start + "&to=" + due)
                .path("remainingUnits").asLong() >= share)
            .limit(parts).toList();
        if (chosen.size() < parts) {
            return Optional.empty();
        }
        JsonNode o = create(department, null, title, start, due, items);
        List<Map<String, Object>> shares = new ArrayList<>();
        long left = total;
        for (int i = 0; i < parts; i++) {
            int units = (int) Math.min(share, left);
            shares.add(Map.of("centreId", chosen.get(i).toString(), "units", units));
            left -= units;
        }
        return Optional.of(api.put(ORDERS + "/" + id(o) + "/allocations", Map.of("allocations", shares),
            o.path("version").asLong()));
    }

    /**
     * Accepts the order, puts it into production and records the women's hours on {@code days} working days
     * (every day but Friday) from {@code from}.
     */
    private JsonNode produce(JsonNode o, List<UUID> women, LocalDate from, int days) {
        move(id(o), "ACCEPTED");
        JsonNode running = move(id(o), "IN_PRODUCTION");
        JsonNode allocations = running.path("allocations");
        List<Map<String, Object>> entries = new ArrayList<>();
        LocalDate day = from;
        int recorded = 0;
        while (recorded < days) {
            if (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
                for (int i = 0; i < women.size(); i++) {
                    String centre = allocations.get(i % allocations.size()).path("centreId").asText();
                    entries.add(Map.of("beneficiaryId", women.get(i).toString(), "centreId", centre,
                        "workDate", day.toString(), "hours", 4 + i % 3));
                }
                recorded++;
            }
            day = day.plusDays(1);
        }
        api.post(ORDERS + "/" + id(o) + "/work", Map.of("entries", entries));
        return running;
    }

    /** Every piece delivered by the first centre and accepted, and the order moved to DELIVERED. */
    private JsonNode deliverAll(JsonNode o, LocalDate on) {
        String centre = o.path("allocations").get(0).path("centreId").asText();
        List<Map<String, Object>> lines = new ArrayList<>();
        o.path("items").forEach(i -> lines.add(line(i.path("id").asText(), i.path("quantity").asInt())));
        accept(id(o), deliver(id(o), centre, on, lines), on);
        return move(id(o), "DELIVERED");
    }

    private UUID deliver(UUID order, String centre, LocalDate on, List<Map<String, Object>> lines) {
        return id(api.post(ORDERS + "/" + order + "/deliveries",
            Map.of("centreId", centre, "deliveredOn", on.toString(), "lines", lines)));
    }

    private void accept(UUID order, UUID delivery, LocalDate on) {
        inspect(order, delivery, "ACCEPTED", null, on);
    }

    private void inspect(UUID order, UUID delivery, String outcome, String reason, LocalDate on) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("outcome", outcome);
        if (reason != null) {
            verdict.put("reason", reason);
        }
        verdict.put("inspectedOn", on.toString());
        api.post(ORDERS + "/" + order + "/deliveries/" + delivery + "/inspection", verdict);
    }
}
