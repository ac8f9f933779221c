package ir.tehran.womenfamily.registry.work.order;

import java.util.Set;

/**
 * The life of a production order (سفارش تولید): DRAFT → ACCEPTED → IN_PRODUCTION → DELIVERED → PAID. A draft
 * or an accepted order that has not gone into production may be CANCELLED. Accepted and in-production
 * orders hold capacity at the centres they are split across.
 */
public enum OrderState {
    DRAFT, ACCEPTED, IN_PRODUCTION, DELIVERED, PAID, CANCELLED;

    /** The states this one may move to. */
    public Set<OrderState> next() {
        return switch (this) {
            case DRAFT -> Set.of(ACCEPTED, CANCELLED);
            case ACCEPTED -> Set.of(IN_PRODUCTION, CANCELLED);
            case IN_PRODUCTION -> Set.of(DELIVERED);
            case DELIVERED -> Set.of(PAID);
            case PAID, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(OrderState target) {
        return next().contains(target);
    }

    /** Whether an order in this state takes up capacity at its centres. */
    public boolean holdsCapacity() {
        return this == ACCEPTED || this == IN_PRODUCTION;
    }

    /** The states that hold capacity, for queries. */
    public static Set<OrderState> holdingCapacity() {
        return Set.of(ACCEPTED, IN_PRODUCTION);
    }
}
