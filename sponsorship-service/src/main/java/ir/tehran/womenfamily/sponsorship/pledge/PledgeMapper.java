package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import ir.tehran.womenfamily.sponsorship.ledger.Balances;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.jalali.Days;

public final class PledgeMapper {

    private PledgeMapper() {
    }

    public static PledgeDtos.BalancesView balances(Balances b) {
        return new PledgeDtos.BalancesView(b.pledged(), b.released(), b.received(), b.disbursed(), b.outstanding(),
            b.available());
    }

    public static PledgeDtos.PledgeView toView(Pledge p) {
        return new PledgeDtos.PledgeView(p.id, p.sponsorId, p.payerId, p.childId, p.purpose, p.schedule,
            p.instalmentRials, p.months, p.totalRials, p.startsOn, Days.jalali(p.startsOn), p.status, p.heldUntil,
            p.matchReasons, p.proposedAt, p.confirmedAt, p.endedAt, p.endReason, p.releasedAt, p.releaseReason,
            balances(p.balances()));
    }

    public static PledgeDtos.InstalmentView toView(Instalment i, List<InstalmentPayment> payments, LocalDate today) {
        String jalali = Days.jalali(i.dueOn);
        return new PledgeDtos.InstalmentView(i.number, i.dueOn, jalali, jalali.substring(0, 7), i.amountRials,
            i.paidRials, i.cancelledRials, i.openRials(), i.status(today), i.paidOn, Days.jalali(i.paidOn),
            daysOverdue(i, today), payments.stream().map(x -> new PledgeDtos.InstalmentPaymentView(x.ledgerEntryId,
                x.amountRials, x.paidOn, Days.jalali(x.paidOn))).toList());
    }

    public static PledgeDtos.OverdueView toView(InstalmentService.Overdue o, LocalDate today) {
        Instalment i = o.instalment();
        Pledge p = o.pledge();
        return new PledgeDtos.OverdueView(p.id, p.sponsorId, p.payerId, p.childId, o.district(), p.purpose, i.number,
            i.dueOn, Days.jalali(i.dueOn), i.amountRials, i.paidRials, i.openRials(), daysOverdue(i, today));
    }

    static long daysOverdue(Instalment i, LocalDate today) {
        return i.openRials() > 0 && i.cancelledRials == 0 && i.dueOn.isBefore(today)
            ? ChronoUnit.DAYS.between(i.dueOn, today) : 0;
    }

    public static PledgeDtos.EntryView toView(LedgerEntry e) {
        return new PledgeDtos.EntryView(e.id, e.kind, e.amountRials, e.occurredOn, Days.jalali(e.occurredOn),
            e.target, e.referenceType, e.referenceId, e.note, e.recordedBy, e.recordedAt);
    }
}
