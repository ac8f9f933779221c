package ir.tehran.womenfamily.registry.release;

import java.util.UUID;

/**
 * {@code release-fund.draw-requested} on {@code registry.release-fund}, keyed by the draw id: the registry asks the
 * campaign fund to pay {@code amountRials}. It carries nothing else: not the woman, not her case, not why, so
 * sponsorship never learns who a draw is for.
 */
public record DrawRequested(UUID drawId, long amountRials) {

    public static final String AGGREGATE = "release-fund";
    public static final String TYPE = "release-fund.draw-requested";
}
