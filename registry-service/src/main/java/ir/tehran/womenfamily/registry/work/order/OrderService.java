package ir.tehran.womenfamily.registry.work.order;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.registry.work.WorkingDays;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Production orders: drafting, the split across centres (checked against their capacity and
 * renovations), and the moves of the state machine. Every change is audited; every change of state is an
 * event in the outbox, in the same transaction.
 */
@ApplicationScoped
public class OrderService {

    static final String RESOURCE = "production-order";

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    CapacityService capacity;

    @Inject
    Clock clock;

    LocalDate today() {
        return Tehran.today(clock);
    }

    @Transactional
    public OrderDtos.OrderView create(OrderDtos.NewOrder n, String by) {
        Instant now = Instant.now(clock);
        LocalDate start = n.startDate() != null ? n.startDate() : today();
        if (n.dueDate().isBefore(today())) {
            throw ProblemException.invalid("dueDate", "validation.order.due-in-past");
        }
        checkWindow(start, n.dueDate());
        ProductionOrder o = new ProductionOrder();
        o.id = UUID.randomUUID();
        o.department = PersianText.normalize(n.department());
        o.departmentReference = PersianText.normalize(n.departmentReference());
        o.title = PersianText.normalize(n.title());
        o.state = OrderState.DRAFT;
        o.startDate = start;
        o.dueDate = n.dueDate();
        o.createdAt = now;
        o.createdBy = by;
        o.updatedAt = now;
        o.persist();
        List<OrderItem> items = replaceItems(o.id, n.items());
        OrderTransition.of(o.id, OrderState.DRAFT, by, now).persist();
        outbox.append(o.stateChanged(null, OrderRows.totals(items), List.of(), now));
        audit.record(AuditEvent.of("production-order.create", RESOURCE, o.id).withDetail("items", items.size()));
        return view(o);
    }

    @Transactional
    public Optional<OrderDtos.OrderView> view(UUID id) {
        return ProductionOrder.<ProductionOrder>findByIdOptional(id).map(OrderService::view);
    }

    @Transactional
    public Page<OrderDtos.OrderSummary> list(OrderState state, UUID centreId, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (state != null) {
            q.append(" and state = :state");
            params.put("state", state);
        }
        if (centreId != null) {
            q.append(" and id in (select a.orderId from Allocation a where a.centreId = :centre)");
            params.put("centre", centreId);
        }
        if (page.cursor() != null) {
            // keyset: after the last order of the page before, in (dueDate, id) order
            q.append(" and (dueDate > :due or (dueDate = :due and id > :id))");
            try {
                params.put("due", LocalDate.parse(page.cursor().string(0)));
            } catch (java.time.format.DateTimeParseException e) {
                throw Cursor.invalid();
            }
            params.put("id", page.cursor().uuid(1));
        }
        List<ProductionOrder> orders = ProductionOrder.<ProductionOrder>find(q.toString(),
            Sort.by("dueDate").and("id"), params).page(0, page.fetchSize()).list();
        Map<UUID, ProductionOrder.Totals> totals = OrderRows.totalsByOrder(orders.stream().map(o -> o.id).toList());
        return page.page(orders.stream().map(o -> OrderDtos.OrderSummary.of(o,
            totals.getOrDefault(o.id, new ProductionOrder.Totals(0, 0)))).toList(),
            o -> Cursor.of(o.dueDate(), o.id()));
    }

    /** Changes a draft. New items or dates replace the old ones and clear the split. */
    @Transactional
    public OrderDtos.OrderView update(UUID id, long expectedVersion, OrderDtos.OrderChange c, String by) {
        ProductionOrder o = lock(id);
        if (o.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (o.state != OrderState.DRAFT) {
            throw ProblemException.conflict("order-not-draft", o.state);
        }
        if (c.department() != null) {
            o.department = PersianText.normalize(c.department());
        }
        if (c.departmentReference() != null) {
            o.departmentReference = PersianText.normalize(c.departmentReference());
        }
        if (c.title() != null) {
            o.title = PersianText.normalize(c.title());
        }
        boolean reshaped = false;
        if (c.startDate() != null || c.dueDate() != null) {
            LocalDate start = c.startDate() != null ? c.startDate() : o.startDate;
            LocalDate due = c.dueDate() != null ? c.dueDate() : o.dueDate;
            if (c.dueDate() != null && due.isBefore(today())) {
                throw ProblemException.invalid("dueDate", "validation.order.due-in-past");
            }
            checkWindow(start, due);
            reshaped = !start.equals(o.startDate) || !due.equals(o.dueDate);
            o.startDate = start;
            o.dueDate = due;
        }
        if (c.items() != null) {
            OrderItem.delete("orderId", o.id);
            OrderItem.getEntityManager().flush();
            replaceItems(o.id, c.items());
            reshaped = true;
        }
        if (reshaped) {
            Allocation.delete("orderId", o.id);
        }
        o.updatedAt = Instant.now(clock);
        ProductionOrder.getEntityManager().flush();
        audit.record(AuditEvent.of("production-order.update", RESOURCE, o.id).withDetail("splitCleared", reshaped));
        return view(o);
    }

    /** Sets the whole split of a draft or accepted order across centres. */
    @Transactional
    public OrderDtos.OrderView split(UUID id, long expectedVersion, OrderDtos.Split s, String by) {
        ProductionOrder o = lock(id);
        if (o.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (o.state != OrderState.DRAFT && o.state != OrderState.ACCEPTED) {
            throw ProblemException.conflict("order-split-locked", o.state);
        }
        Map<UUID, Integer> units = new LinkedHashMap<>();
        long sum = 0;
        for (int i = 0; i < s.allocations().size(); i++) {
            OrderDtos.CentreShare share = s.allocations().get(i);
            if (units.put(share.centreId(), share.units()) != null) {
                throw ProblemException.invalid("allocations[" + i + "].centreId", "validation.order.centre-twice");
            }
            sum += share.units();
        }
        ProductionOrder.Totals totals = OrderRows.totals(OrderRows.items(o.id));
        if (sum != totals.units()) {
            throw ProblemException.invalid("allocations", "validation.order.split-sum", sum, totals.units());
        }
        capacity.check(o, units);
        Allocation.delete("orderId", o.id);
        Allocation.getEntityManager().flush();
        List<Allocation> allocations = new ArrayList<>();
        units.forEach((centre, n) -> allocations.add(Allocation.of(o.id, centre, n)));
        Allocation.persist(allocations);
        Instant now = Instant.now(clock);
        o.updatedAt = now;
        if (o.state == OrderState.ACCEPTED) {
            outbox.append(DomainEvent.of(ProductionOrder.AGGREGATE, o.id, "production-order.split-changed", 1,
                splitPayload(o, totals, allocations, now)));
        }
        ProductionOrder.getEntityManager().flush();
        audit.record(AuditEvent.of("production-order.split", RESOURCE, o.id).withDetail("centres", units.size()));
        return view(o);
    }

    @Transactional
    public OrderDtos.Proposal propose(UUID id, Short district) {
        ProductionOrder o = find(id);
        if (o.state != OrderState.DRAFT && o.state != OrderState.ACCEPTED) {
            throw ProblemException.conflict("order-split-locked", o.state);
        }
        return capacity.propose(o, OrderRows.totals(OrderRows.items(o.id)).units(), district);
    }

    /**
     * Moves an order on. ACCEPTED needs a split covering every piece that still fits the centres (checked
     * again: other orders may have taken the room since); DELIVERED needs every piece accepted and no
     * delivery waiting; PAID comes only with the payment.
     */
    @Transactional
    public OrderDtos.OrderView move(UUID id, Long expectedVersion, OrderState to, String by) {
        ProductionOrder o = lock(id);
        if (expectedVersion != null && o.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (to == OrderState.PAID && o.state.canMoveTo(OrderState.PAID)) {
            throw ProblemException.invalid("to", "validation.order.pay-with-payment");
        }
        if (!o.state.canMoveTo(to)) {
            throw ProblemException.conflict("illegal-transition", o.state, to);
        }
        List<OrderItem> items = OrderRows.items(o.id);
        List<Allocation> allocations = OrderRows.allocations(o.id);
        ProductionOrder.Totals totals = OrderRows.totals(items);
        if (to == OrderState.ACCEPTED) {
            long split = allocations.stream().mapToLong(a -> a.units).sum();
            if (split != totals.units()) {
                throw ProblemException.conflict("order-split-required", split, totals.units());
            }
            Map<UUID, Integer> units = new LinkedHashMap<>();
            allocations.forEach(a -> units.put(a.centreId, a.units));
            capacity.check(o, units);
        }
        if (to == OrderState.DELIVERED) {
            requireFullyDelivered(items, OrderRows.deliveries(o.id));
        }
        Instant now = Instant.now(clock);
        OrderState from = o.state;
        o.moveTo(to, by, now).persist();
        outbox.append(o.stateChanged(from, totals, OrderRows.centreUnits(allocations), now));
        ProductionOrder.getEntityManager().flush();
        audit.record(AuditEvent.of("production-order.move", RESOURCE, o.id).withDetail("from", from)
            .withDetail("to", to));
        return view(o);
    }

    static ProductionOrder find(UUID id) {
        return ProductionOrder.<ProductionOrder>findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("production-order", id));
    }

    /**
     * The order, locked until the transaction ends: writes to one order (and its hours, deliveries and
     * payment) go one at a time, so checks such as "pieces still open" cannot be raced past.
     */
    static ProductionOrder lock(UUID id) {
        ProductionOrder o = ProductionOrder.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw ProblemException.notFound("production-order", id);
        }
        return o;
    }

    private static void requireFullyDelivered(List<OrderItem> items, List<Delivery> deliveries) {
        Map<UUID, long[]> delivered = OrderRows.delivered(deliveries);
        long missing = 0;
        long pending = 0;
        for (OrderItem i : items) {
            long[] d = delivered.getOrDefault(i.id, new long[2]);
            missing += Math.max(0, i.quantity - d[0]);
            pending += d[1];
        }
        if (missing > 0 || pending > 0) {
            throw ProblemException.conflict("order-not-fully-delivered", missing, pending)
                .with("missingUnits", missing).with("pendingUnits", pending);
        }
    }

    private static ProductionOrder.StateChanged splitPayload(ProductionOrder o, ProductionOrder.Totals totals,
            List<Allocation> allocations, Instant now) {
        return new ProductionOrder.StateChanged(o.id, o.department, o.state, o.state, o.startDate,
            Days.jalali(o.startDate), o.dueDate, Days.jalali(o.dueDate), totals.units(), totals.valueRials(),
            OrderRows.centreUnits(allocations), o.wagePoolRials, now);
    }

    private void checkWindow(LocalDate start, LocalDate due) {
        if (due.isBefore(start)) {
            throw ProblemException.invalid("dueDate", "validation.order.due-before-start");
        }
        if (WorkingDays.between(start, due) == 0) {
            throw ProblemException.invalid("dueDate", "validation.order.no-working-day");
        }
        if (due.toEpochDay() - start.toEpochDay() > CapacityService.MAX_RANGE_DAYS) {
            throw ProblemException.invalid("dueDate", "validation.order.window-too-long",
                CapacityService.MAX_RANGE_DAYS);
        }
    }

    private static List<OrderItem> replaceItems(UUID orderId, List<OrderDtos.NewItem> newItems) {
        List<OrderItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long value = 0;
        for (int i = 0; i < newItems.size(); i++) {
            OrderDtos.NewItem n = newItems.get(i);
            OrderItem item = new OrderItem();
            item.id = UUID.randomUUID();
            item.orderId = orderId;
            item.position = i + 1;
            item.product = PersianText.normalize(n.product());
            item.category = n.category();
            item.size = n.size() == null || n.size().isBlank() ? null : PersianText.normalize(n.size().strip());
            item.quantity = n.quantity();
            item.unitPriceRials = n.unitPriceRials();
            String key = PersianText.matchKey(item.product) + "|"
                + (item.size == null ? "" : PersianText.matchKey(item.size));
            if (!seen.add(key)) {
                throw ProblemException.invalid("items[" + i + "]", "validation.order.item-twice");
            }
            try {
                value = Math.addExact(value, item.amountRials());
            } catch (ArithmeticException e) {
                throw ProblemException.invalid("items[" + i + "].unitPriceRials", "validation.order.too-large");
            }
            if (value > OrderDtos.MAX_RIALS) {
                throw ProblemException.invalid("items[" + i + "].unitPriceRials", "validation.order.too-large");
            }
            items.add(item);
        }
        OrderItem.persist(items);
        return items;
    }

    /** The order as the API shows it, from its rows. */
    static OrderDtos.OrderView view(ProductionOrder o) {
        List<Allocation> allocations = OrderRows.allocations(o.id);
        return OrderDtos.OrderView.of(o, OrderRows.items(o.id), OrderRows.delivered(OrderRows.deliveries(o.id)),
            allocations, OrderRows.centres(allocations), OrderRows.history(o.id));
    }
}
