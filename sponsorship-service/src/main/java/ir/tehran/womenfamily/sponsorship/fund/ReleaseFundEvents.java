package ir.tehran.womenfamily.sponsorship.fund;

import java.util.UUID;

/**
 * The events of the campaign fund to free imprisoned mothers, on {@code sponsorship.release-fund}, keyed by the
 * fund's id. They carry amounts and the registry's opaque draw ids only: sponsorship does not know who a draw is
 * for, and no benefactor is named.
 */
public final class ReleaseFundEvents {

    public static final String AGGREGATE = "release-fund";
    public static final String CHANGED = "release-fund.changed";
    public static final String DRAW_REFUSED = "release-fund.draw-refused";

    private ReleaseFundEvents() {
    }

    /**
     * The fund's balances after a contribution or a draw; {@code drawId} and {@code drawnAmountRials} name the
     * draw that was paid, when it was one.
     */
    public record Changed(UUID fundId, long sequence, long contributedRials, long drawnRials, long balanceRials,
            UUID drawId, Long drawnAmountRials) {
    }

    /** A draw the balance did not cover: nothing was paid. */
    public record DrawRefused(UUID fundId, long sequence, long balanceRials, UUID drawId, long amountRials) {
    }
}
