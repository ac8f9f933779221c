package ir.tehran.womenfamily.sponsorship.ledger;

/**
 * The balances of one pledge, and the rules every ledger entry must keep:
 * <ul>
 *   <li>{@code outstanding = pledged - released - received} (still to come from the payer) is never negative:
 *       no receipt and no release beyond what was promised;</li>
 *   <li>{@code available = received - disbursed} (held for the child) is never negative: no disbursement of
 *       money that has not come in.</li>
 * </ul>
 * Balances are the sums of the entries; {@link #apply} is the only way to move them.
 */
public record Balances(long pledged, long released, long received, long disbursed) {

    public static final Balances ZERO = new Balances(0, 0, 0, 0);

    /** An entry the rules refuse; {@code code} is the problem type. */
    public static final class Refused extends RuntimeException {

        private final String code;

        public Refused(String code) {
            super(code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public long outstanding() {
        return pledged - released - received;
    }

    public long available() {
        return received - disbursed;
    }

    /** The balances after one more entry, or {@link Refused} when it would break a rule. */
    public Balances apply(LedgerEntry.Kind kind, long amount) {
        if (amount <= 0) {
            throw new Refused("amount-not-positive");
        }
        return switch (kind) {
            case PLEDGED -> new Balances(Math.addExact(pledged, amount), released, received, disbursed);
            case PLEDGE_RELEASED -> {
                if (amount > outstanding()) {
                    throw new Refused("exceeds-outstanding");
                }
                yield new Balances(pledged, released + amount, received, disbursed);
            }
            case RECEIVED -> {
                if (amount > outstanding()) {
                    throw new Refused("exceeds-outstanding");
                }
                yield new Balances(pledged, released, received + amount, disbursed);
            }
            case DISBURSED -> {
                if (amount > available()) {
                    throw new Refused("exceeds-available");
                }
                yield new Balances(pledged, released, received, disbursed + amount);
            }
            case CONTRIBUTED, DRAWN -> throw new Refused("not-a-pledge-entry");
        };
    }

    /** The sums of {@code entries}, checking every rule on the way. */
    public static Balances of(Iterable<LedgerEntry> entries) {
        Balances b = ZERO;
        for (LedgerEntry e : entries) {
            b = b.apply(e.kind, e.amountRials);
        }
        return b;
    }

    public boolean consistent() {
        return pledged >= 0 && released >= 0 && received >= 0 && disbursed >= 0 && outstanding() >= 0
            && available() >= 0;
    }
}
