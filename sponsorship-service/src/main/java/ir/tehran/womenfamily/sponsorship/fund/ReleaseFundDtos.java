package ir.tehran.womenfamily.sponsorship.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes of the campaign fund to free imprisoned mothers. */
public final class ReleaseFundDtos {

    private ReleaseFundDtos() {
    }

    @Schema(name = "ReleaseFundContribution", description = "Money a benefactor gave to the campaign fund to free "
        + "imprisoned mothers, in integer rials.")
    public record Contribution(
            @Schema(description = "The benefactor who gave") @NotNull UUID benefactorId,
            @Schema(examples = "500000000") @NotNull @Positive Long amountRials,
            @Schema(description = "When it was received (ISO or Jalali); today when absent",
                implementation = String.class, examples = "1404-07-20")
            @JsonDeserialize(using = DateInput.class) LocalDate receivedOn,
            @Size(max = 500) String note) {
    }

    @Schema(name = "ReleaseFund", description = "The campaign fund to free imprisoned mothers: what benefactors gave, "
        + "what was drawn for cases (whose, sponsorship does not know) and the balance, in integer rials.")
    public record FundView(UUID id, String code, String nameFa, String nameEn, long contributedRials,
            long drawnRials, long balanceRials,
            @Schema(description = "The number of changes so far; each event of the fund carries it") long sequence) {

        static FundView of(CampaignFund f) {
            return new FundView(f.id, f.code, f.nameFa, f.nameEn, f.contributedRials, f.drawnRials, f.balanceRials(),
                f.sequence);
        }
    }

    @Schema(name = "ReleaseFundEntry", description = "One movement of the fund: a contribution (with its "
        + "benefactor) or a draw (with the registry's opaque draw id).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(long id, LedgerEntry.Kind kind, long amountRials, LocalDate occurredOn,
            String occurredOnJalali, UUID benefactorId,
            @Schema(description = "For a draw: the registry's opaque draw id") UUID drawId, String note,
            String recordedBy, Instant recordedAt) {

        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id, e.kind, e.amountRials, e.occurredOn, Days.jalali(e.occurredOn),
                e.benefactorId, e.referenceType == LedgerEntry.ReferenceType.FUND_DRAW ? e.referenceId : null,
                e.note, e.recordedBy, e.recordedAt);
        }
    }
}
