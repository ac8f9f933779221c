package ir.tehran.womenfamily.registry.work.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.registry.access.WomanAccess;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The work on an order once it is in production: the women's hours, deliveries and their inspection, and
 * the payment of the wages in proportion to the hours. Who worked how long and for how much is personal:
 * a caseworker sees only the women she may see (her districts, those she registered).
 */
@ApplicationScoped
public class OrderWorkService {

    /** Hours a woman may work in one day, over all orders. */
    public static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.valueOf(12);

    @Inject
    WomanAccess women;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    LocalDate today() {
        return Tehran.today(clock);
    }

    @Transactional
    public List<OrderDtos.WorkView> recordWork(UUID orderId, OrderDtos.Timesheet sheet, String by) {
        ProductionOrder o = OrderService.lock(orderId);
        if (o.state != OrderState.IN_PRODUCTION && o.state != OrderState.DELIVERED) {
            throw ProblemException.conflict("order-not-in-production", o.state);
        }
        Set<UUID> centres = centres(o.id);
        Instant now = Instant.now(clock);
        Map<String, BigDecimal> perDay = new HashMap<>();
        List<WorkEntry> entries = new ArrayList<>();
        for (int i = 0; i < sheet.entries().size(); i++) {
            OrderDtos.NewWork n = sheet.entries().get(i);
            String at = "entries[" + i + "]";
            Beneficiary woman = Beneficiary.findById(n.beneficiaryId());
            if (woman == null || woman.mergedInto != null) {
                throw ProblemException.invalid(at + ".beneficiaryId", "validation.order.unknown-woman");
            }
            if (!centres.contains(n.centreId())) {
                throw ProblemException.invalid(at + ".centreId", "validation.order.centre-not-in-split");
            }
            if (n.workDate().isBefore(o.startDate) || n.workDate().isAfter(today())) {
                throw ProblemException.invalid(at + ".workDate", "validation.order.work-date",
                    Days.jalali(o.startDate));
            }
            String key = n.beneficiaryId() + "|" + n.workDate();
            BigDecimal day = perDay.computeIfAbsent(key, k -> hoursOn(n.beneficiaryId(), n.workDate()))
                .add(n.hours());
            if (day.compareTo(MAX_HOURS_PER_DAY) > 0) {
                throw ProblemException.conflict("too-many-hours", Days.jalali(n.workDate()), MAX_HOURS_PER_DAY)
                    .with("entry", i);
            }
            perDay.put(key, day);
            WorkEntry w = new WorkEntry();
            w.id = UUID.randomUUID();
            w.orderId = o.id;
            w.beneficiaryId = n.beneficiaryId();
            w.centreId = n.centreId();
            w.workDate = n.workDate();
            w.hours = n.hours();
            w.recordedBy = by;
            w.recordedAt = now;
            entries.add(w);
        }
        WorkEntry.persist(entries);
        audit.record(AuditEvent.of("production-order.work", OrderService.RESOURCE, o.id)
            .withDetail("entries", entries.size()));
        return entries.stream().map(OrderDtos.WorkView::of).toList();
    }

    @Transactional
    public List<OrderDtos.WorkView> work(UUID orderId, Caller actor) {
        OrderService.find(orderId);
        Predicate<UUID> visible = visibleTo(actor);
        return WorkEntry.<WorkEntry>list("orderId = ?1 order by workDate, recordedAt, id", orderId).stream()
            .filter(w -> visible.test(w.beneficiaryId)).map(OrderDtos.WorkView::of).toList();
    }

    @Transactional
    public OrderDtos.DeliveryView deliver(UUID orderId, OrderDtos.NewDelivery n, String by) {
        ProductionOrder o = OrderService.lock(orderId);
        if (o.state != OrderState.IN_PRODUCTION) {
            throw ProblemException.conflict("order-not-in-production", o.state);
        }
        if (!centres(o.id).contains(n.centreId())) {
            throw ProblemException.invalid("centreId", "validation.order.centre-not-in-split");
        }
        if (n.deliveredOn().isBefore(o.startDate) || n.deliveredOn().isAfter(today())) {
            throw ProblemException.invalid("deliveredOn", "validation.order.work-date", Days.jalali(o.startDate));
        }
        Map<UUID, OrderItem> items = OrderRows.items(o.id).stream()
            .collect(Collectors.toMap(i -> i.id, i -> i));
        Map<UUID, long[]> delivered = OrderRows.delivered(OrderRows.deliveries(o.id));
        Map<UUID, Long> asked = new HashMap<>();
        Delivery d = new Delivery();
        for (int i = 0; i < n.lines().size(); i++) {
            OrderDtos.NewLine line = n.lines().get(i);
            OrderItem item = items.get(line.itemId());
            if (item == null) {
                throw ProblemException.invalid("lines[" + i + "].itemId", "validation.order.unknown-item");
            }
            long[] done = delivered.getOrDefault(item.id, new long[2]);
            long open = item.quantity - done[0] - done[1];
            long total = asked.merge(item.id, (long) line.quantity(), Long::sum);
            if (total > open) {
                throw ProblemException.conflict("delivery-exceeds-order", item.product, total, open)
                    .with("itemId", item.id).with("openQuantity", open);
            }
            d.lines.add(new Delivery.Line(item.id, line.quantity()));
        }
        d.id = UUID.randomUUID();
        d.orderId = o.id;
        d.centreId = n.centreId();
        d.deliveredOn = n.deliveredOn();
        d.state = Delivery.State.PENDING;
        d.recordedBy = by;
        d.recordedAt = Instant.now(clock);
        d.persist();
        o.updatedAt = d.recordedAt;
        Delivery.getEntityManager().flush();
        audit.record(AuditEvent.of("production-order.deliver", OrderService.RESOURCE, o.id)
            .withDetail("deliveryId", d.id).withDetail("units", d.lines.stream().mapToLong(l -> l.quantity).sum()));
        return OrderDtos.DeliveryView.of(d);
    }

    @Transactional
    public OrderDtos.DeliveryView inspect(UUID orderId, UUID deliveryId, OrderDtos.Inspection verdict, String by) {
        ProductionOrder o = OrderService.lock(orderId);
        Delivery d = Delivery.<Delivery>findByIdOptional(deliveryId).filter(x -> x.orderId.equals(orderId))
            .orElseThrow(() -> ProblemException.notFound("delivery", deliveryId));
        if (d.state != Delivery.State.PENDING) {
            throw ProblemException.conflict("delivery-decided", d.state);
        }
        if (o.state != OrderState.IN_PRODUCTION) {
            throw ProblemException.conflict("order-not-in-production", o.state);
        }
        String reason = PersianText.normalize(verdict.reason());
        if (verdict.outcome() == OrderDtos.Verdict.REJECTED && (reason == null || reason.length() < 3)) {
            throw ProblemException.invalid("reason", "validation.order.rejection-reason");
        }
        LocalDate on = verdict.inspectedOn() != null ? verdict.inspectedOn() : today();
        if (on.isBefore(d.deliveredOn) || on.isAfter(today())) {
            throw ProblemException.invalid("inspectedOn", "validation.order.inspection-date");
        }
        d.state = verdict.outcome() == OrderDtos.Verdict.ACCEPTED ? Delivery.State.ACCEPTED : Delivery.State.REJECTED;
        d.reason = verdict.outcome() == OrderDtos.Verdict.REJECTED ? reason : null;
        d.inspectedOn = on;
        d.inspectedBy = by;
        o.updatedAt = Instant.now(clock);
        Delivery.getEntityManager().flush();
        audit.record(AuditEvent.of("production-order.inspect", OrderService.RESOURCE, o.id)
            .withDetail("deliveryId", d.id).withDetail("outcome", d.state));
        return OrderDtos.DeliveryView.of(d);
    }

    @Transactional
    public List<OrderDtos.DeliveryView> deliveries(UUID orderId) {
        OrderService.find(orderId);
        return OrderRows.deliveries(orderId).stream().map(OrderDtos.DeliveryView::of).toList();
    }

    /** What each woman would get from {@code wagePoolRials}, without paying. */
    @Transactional
    public OrderDtos.PaymentView preview(UUID orderId, long wagePoolRials, Caller actor) {
        ProductionOrder o = OrderService.find(orderId);
        Map<UUID, BigDecimal> hours = hoursByWoman(o.id);
        Map<UUID, Long> parts = parts(o, wagePoolRials, hours);
        return view(o, false, wagePoolRials, hours, parts, null, visibleTo(actor));
    }

    /**
     * Pays a delivered order: the wage pool is split among the women in proportion to their hours, in whole
     * rials adding up to the pool exactly, and the order moves to PAID.
     */
    @Transactional
    public OrderDtos.PaymentView pay(UUID orderId, long wagePoolRials, Caller actor) {
        ProductionOrder o = OrderService.lock(orderId);
        if (!o.state.canMoveTo(OrderState.PAID)) {
            throw ProblemException.conflict("illegal-transition", o.state, OrderState.PAID);
        }
        Map<UUID, BigDecimal> hours = hoursByWoman(o.id);
        Map<UUID, Long> parts = parts(o, wagePoolRials, hours);
        List<Payout> payouts = new ArrayList<>();
        parts.forEach((woman, amount) -> {
            Payout p = new Payout();
            p.id = UUID.randomUUID();
            p.orderId = o.id;
            p.beneficiaryId = woman;
            p.hours = hours.get(woman);
            p.amountRials = amount;
            payouts.add(p);
        });
        Payout.persist(payouts);
        Instant now = Instant.now(clock);
        o.wagePoolRials = wagePoolRials;
        o.paidAt = now;
        OrderState from = o.state;
        o.moveTo(OrderState.PAID, actor.subject(), now).persist();
        List<OrderItem> items = OrderRows.items(o.id);
        outbox.append(o.stateChanged(from, OrderRows.totals(items),
            OrderRows.centreUnits(OrderRows.allocations(o.id)), now));
        ProductionOrder.getEntityManager().flush();
        audit.record(AuditEvent.of("production-order.pay", OrderService.RESOURCE, o.id)
            .withDetail("women", payouts.size()).withDetail("wagePoolRials", wagePoolRials));
        return view(o, true, wagePoolRials, hours, parts, now, visibleTo(actor));
    }

    @Transactional
    public Optional<OrderDtos.PaymentView> payment(UUID orderId, Caller actor) {
        ProductionOrder o = OrderService.find(orderId);
        if (o.state != OrderState.PAID) {
            return Optional.empty();
        }
        Map<UUID, BigDecimal> hours = new TreeMap<>();
        Map<UUID, Long> parts = new TreeMap<>();
        for (Payout p : Payout.<Payout>list("orderId", o.id)) {
            hours.put(p.beneficiaryId, p.hours);
            parts.put(p.beneficiaryId, p.amountRials);
        }
        return Optional.of(view(o, true, o.wagePoolRials, hours, parts, o.paidAt, visibleTo(actor)));
    }

    private Map<UUID, Long> parts(ProductionOrder o, long wagePoolRials, Map<UUID, BigDecimal> hours) {
        if (hours.isEmpty()) {
            throw ProblemException.conflict("no-hours-recorded");
        }
        long accepted = acceptedValue(o.id);
        if (wagePoolRials > accepted) {
            throw ProblemException.invalid("wagePoolRials", "validation.order.wage-pool-exceeds-value", accepted);
        }
        Map<UUID, Long> weights = new TreeMap<>();
        hours.forEach((woman, h) -> weights.put(woman, h.movePointRight(2).longValueExact()));
        return ProportionalSplit.split(wagePoolRials, weights);
    }

    private static OrderDtos.PaymentView view(ProductionOrder o, boolean paid, long pool, Map<UUID, BigDecimal> hours,
            Map<UUID, Long> parts, Instant paidAt, Predicate<UUID> visible) {
        BigDecimal total = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<OrderDtos.PayoutView> payouts = parts.entrySet().stream().filter(e -> visible.test(e.getKey()))
            .map(e -> new OrderDtos.PayoutView(e.getKey(), hours.get(e.getKey()), e.getValue())).toList();
        return new OrderDtos.PaymentView(o.id, paid, pool, total, parts.size(), paidAt, Days.jalali(paidAt),
            payouts);
    }

    private static long acceptedValue(UUID orderId) {
        Map<UUID, long[]> delivered = OrderRows.delivered(OrderRows.deliveries(orderId));
        long value = 0;
        for (OrderItem i : OrderRows.items(orderId)) {
            value += delivered.getOrDefault(i.id, new long[2])[0] * i.unitPriceRials;
        }
        return value;
    }

    private static Map<UUID, BigDecimal> hoursByWoman(UUID orderId) {
        Map<UUID, BigDecimal> byWoman = new TreeMap<>();
        for (WorkEntry w : WorkEntry.<WorkEntry>list("orderId", orderId)) {
            byWoman.merge(w.beneficiaryId, w.hours, BigDecimal::add);
        }
        return byWoman;
    }

    private static BigDecimal hoursOn(UUID woman, LocalDate day) {
        BigDecimal sum = WorkEntry.getEntityManager().createQuery("select coalesce(sum(w.hours), 0) from WorkEntry w "
                + "where w.beneficiaryId = :woman and w.workDate = :day", BigDecimal.class)
            .setParameter("woman", woman).setParameter("day", day).getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    private static Set<UUID> centres(UUID orderId) {
        return OrderRows.allocations(orderId).stream().map(a -> a.centreId).collect(Collectors.toSet());
    }

    /** Whether the actor may see each woman: {@link WomanAccess} decides. */
    private Predicate<UUID> visibleTo(Caller actor) {
        return women.visibleTo(actor);
    }
}
