package ir.tehran.womenfamily.sponsorship.pledge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.sponsorship.ledger.Balances;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.jalali.DateInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class PledgeDtos {

    private PledgeDtos() {
    }

    @Schema(name = "PledgeTerms", description = "The money of a pledge: whole rials, once or monthly for N months.")
    public record Terms(
            @NotNull Pledge.Purpose purpose,
            @NotNull Pledge.Schedule schedule,
            @Schema(description = "The amount once, or each month; whole rials", examples = "25000000")
            @NotNull @Positive Long instalmentRials,
            @Schema(description = "Months of a monthly pledge (1-120); 1 or absent for a one-off")
            @Min(1) @Max(120) Integer months,
            @JsonDeserialize(using = DateInput.class) LocalDate startsOn,
            @Schema(description = "Who pays, when not the sponsor herself") UUID payerId) {
    }

    @Schema(name = "NewPledge", description = "A pledge for a chosen child. The child is held for the sponsor "
        + "until the pledge is confirmed or released.")
    public record NewPledge(@NotNull UUID sponsorId, @NotNull UUID childId,
            @NotNull Pledge.Purpose purpose,
            @NotNull Pledge.Schedule schedule,
            @NotNull @Positive Long instalmentRials,
            @Min(1) @Max(120) Integer months,
            @JsonDeserialize(using = DateInput.class) LocalDate startsOn,
            UUID payerId) {

        public Terms terms() {
            return new Terms(purpose, schedule, instalmentRials, months, startsOn, payerId);
        }
    }

    @Schema(name = "PledgeEnd")
    public record End(@NotNull Pledge.EndReason reason) {
    }

    @Schema(name = "Receipt", description = "Money received from the payer. It pays the instalment it names, or "
        + "else the oldest open instalments first.")
    public record Receipt(@NotNull @Positive Long amountRials,
            @JsonDeserialize(using = DateInput.class) LocalDate receivedOn, @Size(max = 500) String note,
            @Schema(description = "The instalment it pays (1 for a one-off); never more than it still lacks")
            @Min(1) @Max(120) Integer instalmentNumber) {
    }

    @Schema(name = "InstalmentPayment", description = "The part of a receipt that paid an instalment.")
    public record InstalmentPaymentView(long ledgerEntryId, long amountRials, LocalDate paidOn, String paidOnJalali) {

        public static InstalmentPaymentView of(InstalmentPayment x) {
            return new InstalmentPaymentView(x.ledgerEntryId, x.amountRials, x.paidOn, Days.jalali(x.paidOn));
        }
    }

    @Schema(name = "Instalment", description = "One instalment of a confirmed pledge, due on a Jalali month's day.")
    public record InstalmentView(int number, LocalDate dueOn,
            @Schema(examples = "1404-02-15") String dueOnJalali,
            @Schema(description = "Jalali year and month the instalment is for", examples = "1404-02")
            String monthJalali,
            long amountRials, long paidRials, long cancelledRials, long openRials, Instalment.Status status,
            LocalDate paidOn, String paidOnJalali,
            @Schema(description = "Days past due while open; 0 otherwise") long daysOverdue,
            List<InstalmentPaymentView> payments) {

        /** Its status and days overdue as of {@code today}. */
        public static InstalmentView of(Instalment i, List<InstalmentPayment> payments, LocalDate today) {
            String jalali = Days.jalali(i.dueOn);
            return new InstalmentView(i.number, i.dueOn, jalali, jalali.substring(0, 7), i.amountRials, i.paidRials,
                i.cancelledRials, i.openRials(), i.status(today), i.paidOn, Days.jalali(i.paidOn),
                i.daysOverdue(today), payments.stream().map(InstalmentPaymentView::of).toList());
        }
    }

    @Schema(name = "OverdueInstalment", description = "An instalment of an active pledge past its due day and not "
        + "fully paid.")
    public record OverdueView(UUID pledgeId, UUID sponsorId, UUID payerId, UUID childId, Short district,
            Pledge.Purpose purpose, int number, LocalDate dueOn, String dueOnJalali, long amountRials, long paidRials,
            long openRials, long daysOverdue) {

        public static OverdueView of(InstalmentService.Overdue o, LocalDate today) {
            Instalment i = o.instalment();
            Pledge p = o.pledge();
            return new OverdueView(p.id, p.sponsorId, p.payerId, p.childId, o.district(), p.purpose, i.number,
                i.dueOn, Days.jalali(i.dueOn), i.amountRials, i.paidRials, i.openRials(), i.daysOverdue(today));
        }
    }

    @Schema(name = "Disbursement", description = "Money paid out for the child. A payment of a school application's "
        + "or an enrolment's fee names it.")
    public record Disbursement(@NotNull @Positive Long amountRials,
            @NotNull LedgerEntry.Target target,
            @JsonDeserialize(using = DateInput.class) LocalDate disbursedOn,
            LedgerEntry.ReferenceType referenceType, UUID referenceId,
            @Size(max = 500) String note) {
    }

    @Schema(name = "PledgeBalances", description = "outstanding = pledged - released - received; "
        + "available = received - disbursed")
    public record BalancesView(long pledgedRials, long releasedRials, long receivedRials, long disbursedRials,
            long outstandingRials, long availableRials) {

        public static BalancesView of(Balances b) {
            return new BalancesView(b.pledged(), b.released(), b.received(), b.disbursed(), b.outstanding(),
                b.available());
        }
    }

    @Schema(name = "Pledge")
    public record PledgeView(UUID id, UUID sponsorId, UUID payerId, UUID childId, Pledge.Purpose purpose,
            Pledge.Schedule schedule, long instalmentRials, int months, long totalRials, LocalDate startsOn,
            String startsOnJalali, Pledge.Status status, Instant heldUntil, List<String> matchReasons,
            Instant proposedAt, Instant confirmedAt, Instant endedAt, Pledge.EndReason endReason, Instant releasedAt,
            Pledge.ReleaseReason releaseReason, BalancesView balances) {

        public static PledgeView of(Pledge p) {
            return new PledgeView(p.id, p.sponsorId, p.payerId, p.childId, p.purpose, p.schedule, p.instalmentRials,
                p.months, p.totalRials, p.startsOn, Days.jalali(p.startsOn), p.status, p.heldUntil, p.matchReasons,
                p.proposedAt, p.confirmedAt, p.endedAt, p.endReason, p.releasedAt, p.releaseReason,
                BalancesView.of(p.balances()));
        }
    }

    @Schema(name = "LedgerEntry")
    public record EntryView(long id, LedgerEntry.Kind kind, long amountRials, LocalDate occurredOn,
            String occurredOnJalali, LedgerEntry.Target target, LedgerEntry.ReferenceType referenceType,
            UUID referenceId, String note, String recordedBy, Instant recordedAt) {

        public static EntryView of(LedgerEntry e) {
            return new EntryView(e.id, e.kind, e.amountRials, e.occurredOn, Days.jalali(e.occurredOn), e.target,
                e.referenceType, e.referenceId, e.note, e.recordedBy, e.recordedAt);
        }
    }
}
