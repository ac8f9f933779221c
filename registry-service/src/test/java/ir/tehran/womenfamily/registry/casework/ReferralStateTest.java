package ir.tehran.womenfamily.registry.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.AgencyKind;
import org.junit.jupiter.api.Test;

class ReferralStateTest {

    private static Referral out() {
        return Referral.create(UUID.randomUUID(), ReferralDirection.OUT, new Agency(AgencyKind.BENEFACTORS, null),
            "cw", Instant.now());
    }

    @Test
    void theStatesFollowTheirOrder() {
        Referral r = out();
        assertEquals(ReferralState.PROPOSED, r.state);
        assertTrue(r.sharesOnMoveTo(ReferralState.SENT));
        r.moveTo(ReferralState.SENT, "cw", Instant.now());
        assertThrows(IllegalStateException.class, () -> r.moveTo(ReferralState.COMPLETED, "cw", Instant.now()));
        r.moveTo(ReferralState.DECLINED, "cw", Instant.now());
        assertTrue(ReferralState.DECLINED.next().isEmpty());
        assertFalse(ReferralState.COMPLETED.canMoveTo(ReferralState.PROPOSED));
    }

    @Test
    void aReferralInStartsAsSentAndSharesNothing() {
        Referral r = Referral.create(UUID.randomUUID(), ReferralDirection.IN,
            new Agency(AgencyKind.RELIEF_COMMITTEE, null), "cw", Instant.now());
        assertEquals(ReferralState.SENT, r.state);
        assertFalse(r.sharesOnMoveTo(ReferralState.ACCEPTED));
        assertEquals(ReferralState.SENT, r.created().state);
    }
}
