package ir.tehran.womenfamily.registry.casework;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.support.events.DomainEvent;

/**
 * Payload of {@code referral.answered} v1 on {@code registry.referral}, keyed by the woman's id: a referral that
 * concerns her was answered (accepted, declined, or completed), by the receiving agency for a referral out or by the
 * directorate for a referral in. For the notification service, which tells her. Ids, the direction and the answer
 * only: no purpose, no agency, nothing of her record (a referral's purpose or agency could hint at a sensitive
 * fact; she reads the rest in her record).
 */
public record ReferralAnswered(UUID referralId, UUID beneficiaryId, ReferralDirection direction,
        ReferralState answer) {

    public static final String AGGREGATE = "referral";
    public static final String TYPE = "referral.answered";

    /** The states that answer a referral. */
    static final Set<ReferralState> ANSWERS = Set.of(ReferralState.ACCEPTED, ReferralState.DECLINED,
        ReferralState.COMPLETED);

    /** The event of a referral that has just moved, when the move answered it. */
    static Optional<DomainEvent> of(Referral moved) {
        if (!ANSWERS.contains(moved.state)) {
            return Optional.empty();
        }
        return Optional.of(DomainEvent.of(AGGREGATE, moved.beneficiaryId, TYPE, 1,
            new ReferralAnswered(moved.id, moved.beneficiaryId, moved.direction, moved.state)));
    }
}
