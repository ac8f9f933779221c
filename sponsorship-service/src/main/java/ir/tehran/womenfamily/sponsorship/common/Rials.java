package ir.tehran.womenfamily.sponsorship.common;

/**
 * Money is a whole number of rials. A JSON amount that is not a JSON integer ({@code 1500.5}, {@code 1.5e3},
 * {@code "1500"}) is refused by the shared strict JSON configuration (service-support {@code StrictJson}), so
 * no amount is ever truncated or coerced.
 */
public final class Rials {

    /** The largest amount accepted anywhere: 10^15 rials, far above any real pledge, far below overflow. */
    public static final long MAX = 1_000_000_000_000_000L;

    private Rials() {
    }
}
