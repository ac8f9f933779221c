package ir.tehran.womenfamily.registry.work.renovation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The production orders a renovation would clash with, asked of the {@code work.order} package, which implements
 * this interface: orders build on renovations (a renovated centre has no capacity), so renovations do not
 * import orders. Runs in the caller's transaction.
 */
public interface OrdersOnCentre {

    /** The orders holding capacity at the centre on some day from {@code from} to {@code to}, by id. */
    List<UUID> holdingCapacity(UUID centreId, LocalDate from, LocalDate to);
}
