package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;

/**
 * Payloads of the events a sponsorship publishes (topic {@code sponsorship.sponsorship}, key the pledge id).
 * Minimal by design: no sponsor, no payer, no amount but a disbursement's.
 */
public final class PledgeEvents {

    private PledgeEvents() {
    }

    /** {@code sponsorship.started} v1. */
    public record SponsorshipStarted(UUID sponsorshipId, UUID childId, Pledge.Purpose purpose, Instant startedAt) {
    }

    /** {@code sponsorship.ended} v1. */
    public record SponsorshipEnded(UUID sponsorshipId, UUID childId, Pledge.Purpose purpose, Pledge.EndReason reason,
            Instant endedAt) {
    }

    /**
     * {@code sponsorship.suspended} v1: the sponsorship waits, nothing more is due, it may resume. No cause: the
     * only one today is the mother's revoked consent, which the sponsor may not learn (she sees the sponsorship
     * ended), so a consumer learns no more than the state, and one that serves sponsors shows it as an end.
     */
    public record SponsorshipSuspended(UUID sponsorshipId, UUID childId, Pledge.Purpose purpose,
            Instant suspendedAt) {
    }

    /** {@code sponsorship.resumed} v1: a suspended sponsorship runs again; what was released is pledged again. */
    public record SponsorshipResumed(UUID sponsorshipId, UUID childId, Pledge.Purpose purpose, Instant resumedAt) {
    }

    /** {@code disbursement.recorded} v1. */
    public record DisbursementRecorded(long disbursementId, UUID sponsorshipId, UUID childId,
            LedgerEntry.Target target, long amountRials, LocalDate disbursedOn, String disbursedOnJalali) {
    }
}
