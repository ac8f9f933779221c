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

    /** {@code disbursement.recorded} v1. */
    public record DisbursementRecorded(long disbursementId, UUID sponsorshipId, UUID childId,
            LedgerEntry.Target target, long amountRials, LocalDate disbursedOn, String disbursedOnJalali) {
    }
}
