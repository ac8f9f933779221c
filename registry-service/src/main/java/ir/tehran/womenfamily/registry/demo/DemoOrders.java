package ir.tehran.womenfamily.registry.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.registry.work.order.CapacityService;
import ir.tehran.womenfamily.registry.work.order.OrderDtos;
import ir.tehran.womenfamily.registry.work.order.OrderService;
import ir.tehran.womenfamily.registry.work.order.OrderState;
import ir.tehran.womenfamily.registry.work.order.OrderWorkService;
import ir.tehran.womenfamily.registry.work.WorkingDays;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A handful of production orders (سفارش تولید) for the demo: one in each state, split across centres with room
 * for them, with the hours of the women who work on them, partial, accepted and rejected deliveries and a
 * payment. They are made through the same services as real orders (capacity, renovation and every rule
 * checked; every event sent), dated around {@code today}.
 */
@ApplicationScoped
public class DemoOrders {

    static final String BY = "demo-data";
    private static final Caller ACTOR = Caller.of(BY, null, Set.of("admin"));

    @Inject
    OrderService orders;

    @Inject
    OrderWorkService work;

    @Inject
    CapacityService capacity;

    /** What was made: the orders by their state. */
    public record Seeded(Map<OrderState, UUID> orders) {
    }

    /**
     * Makes the demo orders over {@code centres} (the first ones with room take each order) with the hours of
     * {@code women} (at least four). An order that finds no room is left out, and so missing from the result.
     */
    public Seeded seed(List<UUID> centres, List<UUID> women, LocalDate today) {
        if (women.size() < 4) {
            throw new IllegalArgumentException("the demo orders need at least four women");
        }
        Map<OrderState, UUID> made = new LinkedHashMap<>();
        // a draft, not yet split: the boundary wardens' winter uniforms
        OrderDtos.OrderView draft = orders.create(new OrderDtos.NewOrder("معاونت خدمات شهری",
            "۱۴۰۴/خ/۲۱۷", "لباس زمستانی مرزبانان شهری", today.plusDays(14), today.plusDays(75), List.of(
                item("کاپشن مرزبان", "L", 120, 18_500_000L), item("کاپشن مرزبان", "XL", 80, 19_000_000L))), BY);
        made.put(OrderState.DRAFT, draft.id());

        // accepted and split across two centres: the vehicle-inspection staff's shirts
        order("سازمان معاینه فنی خودرو", "پیراهن کارشناسان معاینه فنی", today.plusDays(7), today.plusDays(50),
            List.of(item("پیراهن آستین‌بلند", "M", 150, 4_200_000L), item("پیراهن آستین‌بلند", "L", 150,
                4_200_000L)), centres, 2)
            .map(o -> orders.move(o.id(), null, OrderState.ACCEPTED, BY))
            .ifPresent(o -> made.put(OrderState.ACCEPTED, o.id()));

        // in production since three weeks: the city wardens' uniforms, with hours and deliveries of both kinds
        order("معاونت اجرائیات شهرداری تهران", "یونیفرم ماموران اجرائیات", today.minusDays(21), today.plusDays(30),
            List.of(item("کت یونیفرم", "L", 100, 9_800_000L), item("شلوار یونیفرم", "L", 100, 5_600_000L)),
            centres, 2)
            .map(o -> produce(o, women.subList(0, 4), today.minusDays(20), 8))
            .ifPresent(o -> {
                UUID centre = o.allocations().get(0).centreId();
                UUID jacket = o.items().get(0).id();
                accept(o.id(), work.deliver(o.id(), new OrderDtos.NewDelivery(centre, today.minusDays(6),
                    List.of(new OrderDtos.NewLine(jacket, 40))), BY), today.minusDays(4));
                OrderDtos.DeliveryView rejected = work.deliver(o.id(), new OrderDtos.NewDelivery(centre,
                    today.minusDays(3), List.of(new OrderDtos.NewLine(jacket, 10))), BY);
                work.inspect(o.id(), rejected.id(), new OrderDtos.Inspection(OrderDtos.Verdict.REJECTED,
                    "دوخت سرشانه‌ها با نمونه تأییدشده یکسان نیست", today.minusDays(1)), BY);
                work.deliver(o.id(), new OrderDtos.NewDelivery(centre, today, List.of(new OrderDtos.NewLine(jacket,
                    15))), BY);
                made.put(OrderState.IN_PRODUCTION, o.id());
            });

        // delivered in full, awaiting payment: the coaches' outfits for the women's sports halls
        order("اداره کل ورزش بانوان", "لباس مربیان سالن‌های ورزشی بانوان", today.minusDays(30), today.plusDays(5),
            List.of(item("مانتو ورزشی", "M", 60, 6_300_000L)), centres, 1)
            .map(o -> produce(o, women.subList(1, 4), today.minusDays(28), 6))
            .map(o -> deliverAll(o, today.minusDays(3)))
            .ifPresent(o -> made.put(OrderState.DELIVERED, o.id()));

        // paid: the wages split among the women by their hours
        order("سازمان مدیریت پسماند", "روپوش کارکنان ایستگاه‌های بازیافت", today.minusDays(45), today.plusDays(2),
            List.of(item("روپوش کار", "L", 80, 3_900_000L), item("روپوش کار", "XL", 40, 3_900_000L)), centres, 2)
            .map(o -> produce(o, women.subList(0, 3), today.minusDays(44), 10))
            .map(o -> deliverAll(o, today.minusDays(8)))
            .ifPresent(o -> {
                work.pay(o.id(), 180_000_000L, ACTOR);
                made.put(OrderState.PAID, o.id());
            });

        // cancelled by the department before it was accepted
        OrderDtos.OrderView cancelled = orders.create(new OrderDtos.NewOrder("معاونت فرهنگی و اجتماعی", null,
            "پرچم‌های جشنوارهٔ محله", today.plusDays(3), today.plusDays(20),
            List.of(new OrderDtos.NewItem("پرچم پارچه‌ای", null, null, 500, 450_000L))), BY);
        orders.move(cancelled.id(), null, OrderState.CANCELLED, BY);
        made.put(OrderState.CANCELLED, cancelled.id());
        return new Seeded(made);
    }

    private static OrderDtos.NewItem item(String product, String size, int quantity, long unitPriceRials) {
        return new OrderDtos.NewItem(product, Category.WOMENS_CLOTHING, size, quantity, unitPriceRials);
    }

    /**
     * A new order split evenly across the first {@code parts} centres that have room for their share; none is
     * made when fewer have room.
     */
    private Optional<OrderDtos.OrderView> order(String department, String title, LocalDate start, LocalDate due,
            List<OrderDtos.NewItem> items, List<UUID> centres, int parts) {
        long total = items.stream().mapToLong(OrderDtos.NewItem::quantity).sum();
        long share = (total + parts - 1) / parts;
        WorkingDays.Range range = new WorkingDays.Range(start, due);
        List<UUID> chosen = centres.stream()
            .filter(c -> capacity.of(c, range, null).filter(v -> v.remainingUnits() >= share).isPresent())
            .limit(parts).toList();
        if (chosen.size() < parts) {
            return Optional.empty();
        }
        OrderDtos.OrderView o = orders.create(new OrderDtos.NewOrder(department, null, title, start, due, items), BY);
        List<OrderDtos.CentreShare> shares = new ArrayList<>();
        long left = total;
        for (int i = 0; i < parts; i++) {
            int units = (int) Math.min(share, left);
            shares.add(new OrderDtos.CentreShare(chosen.get(i), units));
            left -= units;
        }
        return Optional.of(orders.split(o.id(), o.version(), new OrderDtos.Split(shares), BY));
    }

    /** Accepts the order, puts it into production and records the women's hours on working days since {@code from}. */
    private OrderDtos.OrderView produce(OrderDtos.OrderView o, List<UUID> women, LocalDate from, int days) {
        orders.move(o.id(), null, OrderState.ACCEPTED, BY);
        OrderDtos.OrderView running = orders.move(o.id(), null, OrderState.IN_PRODUCTION, BY);
        List<OrderDtos.NewWork> entries = new ArrayList<>();
        LocalDate day = from;
        int recorded = 0;
        while (recorded < days) {
            if (WorkingDays.between(day, day) > 0) {
                for (int i = 0; i < women.size(); i++) {
                    UUID centre = running.allocations().get(i % running.allocations().size()).centreId();
                    entries.add(new OrderDtos.NewWork(women.get(i), centre, day, BigDecimal.valueOf(4 + i % 3)));
                }
                recorded++;
            }
            day = day.plusDays(1);
        }
        work.recordWork(o.id(), new OrderDtos.Timesheet(entries), BY);
        return running;
    }

    /** Every piece delivered by the first centre and accepted, and the order moved to DELIVERED. */
    private OrderDtos.OrderView deliverAll(OrderDtos.OrderView o, LocalDate on) {
        UUID centre = o.allocations().get(0).centreId();
        List<OrderDtos.NewLine> lines = o.items().stream().map(i -> new OrderDtos.NewLine(i.id(), i.quantity()))
            .toList();
        accept(o.id(), work.deliver(o.id(), new OrderDtos.NewDelivery(centre, on, lines), BY), on);
        return orders.move(o.id(), null, OrderState.DELIVERED, BY);
    }

    private void accept(UUID order, OrderDtos.DeliveryView delivery, LocalDate on) {
        work.inspect(order, delivery.id(), new OrderDtos.Inspection(OrderDtos.Verdict.ACCEPTED, null, on), BY);
    }
}
