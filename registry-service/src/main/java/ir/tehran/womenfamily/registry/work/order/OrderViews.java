package ir.tehran.womenfamily.registry.work.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.registry.centre.WorkshopCentre;
import ir.tehran.womenfamily.support.jalali.Days;

/** Reads an order's rows and maps them to the API's shapes, in one place. */
final class OrderViews {

    private OrderViews() {
    }

    static List<OrderItem> items(UUID orderId) {
        return OrderItem.list("orderId = ?1 order by position", orderId);
    }

    static List<Allocation> allocations(UUID orderId) {
        return Allocation.list("orderId = ?1 order by units desc, centreId", orderId);
    }

    static List<Delivery> deliveries(UUID orderId) {
        return Delivery.list("orderId = ?1 order by recordedAt, id", orderId);
    }

    static ProductionOrder.Totals totals(List<OrderItem> items) {
        long units = 0;
        long value = 0;
        for (OrderItem i : items) {
            units += i.quantity;
            value = Math.addExact(value, i.amountRials());
        }
        return new ProductionOrder.Totals(units, value);
    }

    static List<ProductionOrder.CentreUnits> centres(List<Allocation> allocations) {
        return allocations.stream().map(a -> new ProductionOrder.CentreUnits(a.centreId, a.units)).toList();
    }

    /** Pieces of each item accepted ([0]) and waiting for inspection ([1]). */
    static Map<UUID, long[]> delivered(List<Delivery> deliveries) {
        Map<UUID, long[]> byItem = new HashMap<>();
        for (Delivery d : deliveries) {
            if (d.state == Delivery.State.REJECTED) {
                continue;
            }
            int slot = d.state == Delivery.State.ACCEPTED ? 0 : 1;
            for (Delivery.Line l : d.lines) {
                byItem.computeIfAbsent(l.itemId, k -> new long[2])[slot] += l.quantity;
            }
        }
        return byItem;
    }

    static OrderDtos.OrderView view(ProductionOrder o) {
        List<OrderItem> items = items(o.id);
        Map<UUID, long[]> delivered = delivered(deliveries(o.id));
        long acceptedValue = 0;
        List<OrderDtos.ItemView> itemViews = new java.util.ArrayList<>();
        for (OrderItem i : items) {
            long[] d = delivered.getOrDefault(i.id, new long[2]);
            acceptedValue += d[0] * i.unitPriceRials;
            itemViews.add(new OrderDtos.ItemView(i.id, i.position, i.product, i.category,
                i.category == null ? null : i.category.persian(), i.size, i.quantity, i.unitPriceRials,
                i.amountRials(), d[0], d[1]));
        }
        ProductionOrder.Totals totals = totals(items);
        List<OrderDtos.AllocationView> allocations = allocations(o.id).stream().map(a -> {
            WorkshopCentre c = WorkshopCentre.findById(a.centreId);
            return new OrderDtos.AllocationView(a.centreId, c.code, c.name, c.district, a.units);
        }).toList();
        List<OrderDtos.StepView> history = OrderTransition.<OrderTransition>list("orderId = ?1 order by at, id", o.id)
            .stream().map(t -> new OrderDtos.StepView(t.state, t.at, Days.jalali(t.at), t.by)).toList();
        return new OrderDtos.OrderView(o.id, o.department, o.departmentReference, o.title, o.state, o.startDate,
            Days.jalali(o.startDate), o.dueDate, Days.jalali(o.dueDate), itemViews, totals.units(),
            totals.valueRials(), acceptedValue, allocations, o.wagePoolRials, o.paidAt, o.createdAt,
            Days.jalali(o.createdAt), o.createdBy, o.version, history);
    }

    /** Summaries of many orders, with their totals from one query. */
    static List<OrderDtos.OrderSummary> summaries(List<ProductionOrder> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<UUID, long[]> totals = new HashMap<>();
        OrderItem.getEntityManager().createQuery("select i.orderId, sum(i.quantity), "
                + "sum(i.quantity * i.unitPriceRials) from OrderItem i where i.orderId in :ids group by i.orderId",
                Object[].class)
            .setParameter("ids", orders.stream().map(o -> o.id).toList()).getResultList()
            .forEach(r -> totals.put((UUID) r[0], new long[] {((Number) r[1]).longValue(),
                ((Number) r[2]).longValue()}));
        return orders.stream().map(o -> {
            long[] t = totals.getOrDefault(o.id, new long[2]);
            return new OrderDtos.OrderSummary(o.id, o.department, o.title, o.state, o.dueDate,
                Days.jalali(o.dueDate), t[0], t[1]);
        }).toList();
    }
}
