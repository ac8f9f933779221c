package ir.tehran.womenfamily.registry.casework;

import java.util.Set;

/**
 * The life of a referral: PROPOSED → SENT → ACCEPTED or DECLINED; ACCEPTED → COMPLETED. A referral in
 * (from another agency) starts as SENT: it was sent to us.
 */
public enum ReferralState {
    PROPOSED, SENT, ACCEPTED, DECLINED, COMPLETED;

    /** The states this one may move to. */
    public Set<ReferralState> next() {
        return switch (this) {
            case PROPOSED -> Set.of(SENT);
            case SENT -> Set.of(ACCEPTED, DECLINED);
            case ACCEPTED -> Set.of(COMPLETED);
            case DECLINED, COMPLETED -> Set.of();
        };
    }

    public boolean canMoveTo(ReferralState target) {
        return next().contains(target);
    }
}
