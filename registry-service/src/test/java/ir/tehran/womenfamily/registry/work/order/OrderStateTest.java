package ir.tehran.womenfamily.registry.work.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrderStateTest {

    @Test
    void theHappyPathIsDraftAcceptedInProductionDeliveredPaid() {
        assertTrue(OrderState.DRAFT.canMoveTo(OrderState.ACCEPTED));
        assertTrue(OrderState.ACCEPTED.canMoveTo(OrderState.IN_PRODUCTION));
        assertTrue(OrderState.IN_PRODUCTION.canMoveTo(OrderState.DELIVERED));
        assertTrue(OrderState.DELIVERED.canMoveTo(OrderState.PAID));
    }

    @Test
    void noSkippingNoGoingBackAndTheEndsAreFinal() {
        assertFalse(OrderState.DRAFT.canMoveTo(OrderState.IN_PRODUCTION));
        assertFalse(OrderState.DRAFT.canMoveTo(OrderState.PAID));
        assertFalse(OrderState.ACCEPTED.canMoveTo(OrderState.DRAFT));
        assertFalse(OrderState.IN_PRODUCTION.canMoveTo(OrderState.CANCELLED));
        assertFalse(OrderState.DELIVERED.canMoveTo(OrderState.IN_PRODUCTION));
        assertEquals(Set.of(), OrderState.PAID.next());
        assertEquals(Set.of(), OrderState.CANCELLED.next());
        for (OrderState s : OrderState.values()) {
            assertFalse(s.canMoveTo(s), s + " to itself");
        }
    }

    @Test
    void onlyAcceptedAndRunningOrdersHoldCapacity() {
        Set<OrderState> holding = EnumSet.noneOf(OrderState.class);
        for (OrderState s : OrderState.values()) {
            if (s.holdsCapacity()) {
                holding.add(s);
            }
        }
        assertEquals(OrderState.holdingCapacity(), holding);
        assertEquals(Set.of(OrderState.ACCEPTED, OrderState.IN_PRODUCTION), holding);
    }
}
