package ir.tehran.womenfamily.sponsorship.pledge;

import ir.tehran.womenfamily.sponsorship.common.Dates;
import ir.tehran.womenfamily.sponsorship.ledger.Balances;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;

public final class PledgeMapper {

    private PledgeMapper() {
    }

    public static PledgeDtos.BalancesView balances(Balances b) {
        return new PledgeDtos.BalancesView(b.pledged(), b.released(), b.received(), b.disbursed(), b.outstanding(),
            b.available());
    }

    public static PledgeDtos.PledgeView toView(Pledge p) {
        return new PledgeDtos.PledgeView(p.id, p.sponsorId, p.payerId, p.childId, p.purpose, p.schedule,
            p.instalmentRials, p.months, p.totalRials, p.startsOn, Dates.jalali(p.startsOn), p.status, p.heldUntil,
            p.matchReasons, p.proposedAt, p.confirmedAt, p.endedAt, p.endReason, p.releasedAt, p.releaseReason,
            balances(p.balances()));
    }

    public static PledgeDtos.EntryView toView(LedgerEntry e) {
        return new PledgeDtos.EntryView(e.id, e.kind, e.amountRials, e.occurredOn, Dates.jalali(e.occurredOn),
            e.target, e.referenceType, e.referenceId, e.note, e.recordedBy, e.recordedAt);
    }
}
