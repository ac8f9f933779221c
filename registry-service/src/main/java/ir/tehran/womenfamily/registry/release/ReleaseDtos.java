package ir.tehran.womenfamily.registry.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for a mother's release case (a sensitive fact, like a cohort membership). */
public final class ReleaseDtos {

    private ReleaseDtos() {
    }

    @Schema(name = "OpenReleaseCase", description = "A mother held for an unintentional or financial offence: what "
        + "she owes, in integer rials.")
    public record OpenCase(
            @NotNull ReleaseCase.Offence offence,
            @Schema(description = "Blood money (DIYA), a debt or a fine") @NotNull ReleaseCase.Obligation obligation,
            @Schema(description = "What she owes, integer rials", examples = "3500000000") @NotNull @Positive
            Long owedRials,
            @Schema(description = "When the case was opened (ISO or Jalali), not after today",
                implementation = String.class, examples = "1404-07-01")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate openedOn,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "RecordReleaseStep", description = "One step of a release case: a court step, the creditor's "
        + "settlement (amountRials: what the creditor accepts), her release, or, after it, her path into work "
        + "(referenceId: her placement, the workshop centre or the production order).")
    public record RecordStep(
            @NotNull ReleaseStep.Kind kind,
            @Schema(description = "When (ISO or Jalali), not after today and not before the case was opened",
                implementation = String.class, examples = "1404-07-15")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate on,
            @Schema(description = "For CREDITOR_SETTLEMENT only: what the creditor accepts, integer rials")
            @PositiveOrZero Long amountRials,
            @Schema(description = "For PLACEMENT, CENTRE and PRODUCTION only: her placement, the centre or the order")
            UUID referenceId,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "ReleaseFundDraw", description = "What the campaign fund is asked to pay toward her case, integer "
        + "rials; sponsorship learns only an opaque draw id and this amount.")
    public record Draw(@Schema(examples = "2000000000") @NotNull @Positive Long amountRials) {
    }

    @Schema(name = "ReleaseFundBalance", description = "The campaign fund to free imprisoned mothers as the registry "
        + "last heard it from sponsorship, in integer rials.")
    public record BalanceView(
            @Schema(description = "The fund's balance in sponsorship's last event") long balanceRials,
            @Schema(description = "Draws that wait for sponsorship's answer") long waitingRials,
            @Schema(description = "What may be drawn now: the balance less the waiting draws") long availableRials,
            @Schema(description = "The number of the fund's changes the balance reflects") long sequence,
            Instant updatedAt, String updatedOnJalali) {

        static BalanceView of(ReleaseFundService.Balance b) {
            return new BalanceView(b.balanceRials(), b.waitingRials(), b.availableRials(), b.sequence(),
                b.updatedAt(), Days.jalali(b.updatedAt()));
        }
    }

    @Schema(name = "ReleaseStep", description = "One step in the history of a release case.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(UUID id, ReleaseStep.Kind kind, LocalDate on, String onJalali, Long amountRials,
            UUID referenceId, String note, Instant recordedAt, String recordedOnJalali, String recordedBy) {

        static StepView of(ReleaseStep s) {
            return new StepView(s.id, s.kind, s.on, Days.jalali(s.on), s.amountRials, s.referenceId, s.note,
                s.recordedAt, Days.jalali(s.recordedAt), s.recordedBy);
        }
    }

    @Schema(name = "ReleaseCase", description = "A mother's release case; its history (steps) only when one case is "
        + "read.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(UUID id, UUID beneficiaryId, ReleaseCase.Offence offence,
            ReleaseCase.Obligation obligation,
            @Schema(description = "What she owes, integer rials") long owedRials,
            @Schema(description = "What the creditor accepts, when settled") Long settledRials,
            @Schema(description = "What is due: the settlement, else what she owes") long dueRials,
            @Schema(description = "What the campaign fund has paid toward it") long drawnRials,
            @Schema(description = "What is still to be paid") long remainingRials,
            ReleaseCase.State state, LocalDate openedOn, String openedOnJalali, LocalDate releasedOn,
            String releasedOnJalali, Instant openedAt, String openedBy, List<StepView> steps) {

        static CaseView of(ReleaseCase c, List<ReleaseStep> steps) {
            return new CaseView(c.id, c.beneficiaryId, c.offence, c.obligation, c.owedRials, c.settledRials,
                c.dueRials(), c.drawnRials, c.remainingRials(), c.state, c.openedOn, Days.jalali(c.openedOn),
                c.releasedOn, Days.jalali(c.releasedOn), c.openedAt, c.openedBy,
                steps == null ? null : steps.stream().map(StepView::of).toList());
        }
    }
}
