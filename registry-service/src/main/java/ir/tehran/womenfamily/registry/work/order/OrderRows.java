package ir.tehran.womenfamily.registry.work.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.registry.centre.WorkshopCentre;

/**
 * The rows of an order the services read (items, split, deliveries, history, centres) and what they add up to,
 * in one place; the API's shapes are made from them by the views' own {@code of} factories ({@link OrderDtos}).
 * Each query runs in the caller's transaction.
 */
final class OrderRows {

    private OrderRows() {
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

    static List<OrderTransition> history(UUID orderId) {
        return OrderTransition.list("orderId = ?1 order by at, id", orderId);
    }

    /** The centres the allocations name, by id. */
    static Map<UUID, WorkshopCentre> centres(List<Allocation> allocations) {
        Map<UUID, WorkshopCentre> byId = new HashMap<>();
        for (Allocation a : allocations) {
            byId.computeIfAbsent(a.centreId, id -> WorkshopCentre.findById(id));
        }
        return byId;
    }

    /** The totals of many orders from one query, by order id (absent for an order without items). */
    static Map<UUID, ProductionOrder.Totals> totalsByOrder(List<UUID> orderIds) {
        Map<UUID, ProductionOrder.Totals> totals = new HashMap<>();
        if (orderIds.isEmpty()) {
            return totals;
        }
        OrderItem.getEntityManager().createQuery("select i.orderId, sum(i.quantity), "
                + "sum(i.quantity * i.unitPriceRials) from OrderItem i where i.orderId in :ids group by i.orderId",
                Object[].class)
            .setParameter("ids", orderIds).getResultList()
            .forEach(r -> totals.put((UUID) r[0], new ProductionOrder.Totals(((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())));
        return totals;
    }

    static ProductionOrder.Totals totals(Iterable<OrderItem> items) {
        long units = 0;
        long value = 0;
        for (OrderItem i : items) {
            units += i.quantity;
            value = Math.addExact(value, i.amountRials());
        }
        return new ProductionOrder.Totals(units, value);
    }

    static List<ProductionOrder.CentreUnits> centreUnits(List<Allocation> allocations) {
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
}
