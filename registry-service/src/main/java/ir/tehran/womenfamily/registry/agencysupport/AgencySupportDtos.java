package ir.tehran.womenfamily.registry.agencysupport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.registry.consent.ConsentDtos.AgencyRef;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of what other agencies give a household. */
public final class AgencySupportDtos {

    private AgencySupportDtos() {
    }

    @Schema(name = "AgencySupportInput", description = "Support a household receives from another agency, as a "
        + "caseworker records or corrects it: an amount in integer rials per month, or support in kind with its "
        + "description (exactly one of the two), over whole Jalali months.")
    public record SupportInput(
            @NotNull @Valid AgencyRef agency,
            @NotNull AgencySupport.Kind kind,
            @Schema(description = "Integer rials per month of the period; absent for support in kind",
                examples = "25000000") @Positive Long amountRials,
            @Schema(description = "What is given in kind; absent when an amount is given",
                examples = "سبد غذایی ماهانه") @Size(max = 500) String inKindDescription,
            @Schema(description = "Any day of the first month (ISO or Jalali); the whole month is meant",
                implementation = String.class, examples = "1403-01-01")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate from,
            @Schema(description = "Any day of the last month (ISO or Jalali); the whole month is meant",
                implementation = String.class, examples = "1403-06-01")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate to,
            @Schema(description = "CASEWORKER when she recorded it herself, AGENCY when the agency reported it")
            @NotNull AgencySupport.Source source,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "AgencySupport", description = "Support a household receives from another agency.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SupportView(UUID id, UUID beneficiaryId, AgencyRef agency, AgencySupport.Kind kind,
            @Schema(description = "Integer rials per month of the period") Long amountRials,
            String inKindDescription,
            @Schema(description = "The first Jalali month", examples = "1403-01") String fromMonth,
            @Schema(description = "The last Jalali month, included", examples = "1403-06") String toMonth,
            @Schema(description = "The first day of the first month") LocalDate from, String fromJalali,
            @Schema(description = "The last day of the last month") LocalDate to, String toJalali,
            int months, AgencySupport.Source source, String note,
            Instant recordedAt, String recordedOnJalali, String recordedBy,
            Instant correctedAt, String correctedOnJalali, String correctedBy) {

        static SupportView of(AgencySupport s) {
            JalaliMonths p = s.period();
            return new SupportView(s.id, s.beneficiaryId, AgencyRef.of(s.agency()), s.kind, s.amountRials,
                s.inKindDescription, p.fromText(), p.toText(), s.periodFrom, Days.jalali(s.periodFrom), s.periodTo,
                Days.jalali(s.periodTo), p.months(), s.source, s.note, s.recordedAt, Days.jalali(s.recordedAt),
                s.recordedBy, s.correctedAt, s.correctedAt == null ? null : Days.jalali(s.correctedAt),
                s.correctedBy);
        }
    }

    @Schema(name = "AgencySupportTotals", description = "What each agency gives the household over a period of "
        + "whole Jalali months, so that support given twice, or not at all, is seen.")
    public record Totals(
            @Schema(examples = "1403-01") String fromMonth,
            @Schema(examples = "1403-12") String toMonth,
            LocalDate from, String fromJalali, LocalDate to, String toJalali,
            @Schema(description = "Rials over the period from every agency") long totalRials,
            @Schema(description = "One line per agency, by agency") List<AgencyTotal> agencies) {
    }

    @Schema(name = "AgencySupportAgencyTotal", description = "One agency's support to the household within the "
        + "period.")
    public record AgencyTotal(AgencyRef agency,
            @Schema(description = "Records of this agency that meet the period") int records,
            @Schema(description = "Rials within the period: each amount times the months it meets the period")
            long rials,
            @Schema(description = "Records of support in kind that meet the period") int inKind,
            @Schema(description = "Months of the period with any support from this agency") int monthsCovered,
            @Schema(description = "Months of the period in which another agency also gives support")
            int monthsOverlapping) {
    }
}
