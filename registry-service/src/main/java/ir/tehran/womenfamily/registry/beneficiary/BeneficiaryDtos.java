package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for women heads of household; entities never leave the service. */
public final class BeneficiaryDtos {

    private BeneficiaryDtos() {
    }

    @Schema(name = "RegisterBeneficiary", description = "A woman head of household to register.")
    public record RegisterBeneficiary(
            @Schema(description = "National code (کد ملی), Latin or Persian digits", examples = "0012345679")
            @NotBlank @Size(max = 20) String nationalCode,
            @Schema(examples = "زهرا") @NotBlank @Size(max = 100) String firstName,
            @Schema(examples = "محمدی") @NotBlank @Size(max = 100) String lastName,
            @Size(max = 100) String fatherName,
            @Schema(description = "ISO (1985-06-01) or Jalali (1364-03-11)", implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate birthDate,
            @Schema(description = "Mobile in any common form; stored as E.164", examples = "09121234567")
            @Size(max = 30) String mobile,
            @Size(max = 500) String address,
            @Min(1) @Max(22) Short district,
            @Schema(description = "Ten digits") @Size(max = 20) String postalCode,
            @Schema(description = "How she came to the register; MUNICIPAL_OFFICE when not given. Her support "
                + "level is not set here: it starts empty and moves only through POST /{id}/support-level")
            Beneficiary.Channel registrationChannel) {
    }

    @Schema(name = "UpdateBeneficiary", description = "Changes to a woman's profile; absent fields stay as they are.")
    public record UpdateBeneficiary(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Size(max = 100) String fatherName,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate birthDate,
            @Size(max = 30) String mobile,
            @Size(max = 500) String address,
            @Min(1) @Max(22) Short district,
            @Size(max = 20) String postalCode) {
    }

    @Schema(name = "Beneficiary", description = "A woman head of household's profile.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BeneficiaryView(UUID id, String nationalCode, String firstName, String lastName, String fatherName,
            LocalDate birthDate, String birthDateJalali, String mobile, String address, Short district,
            String postalCode,
            @Schema(description = "How she came to the register, generalised: a prison release is shown as "
                + "AGENCY_REFERRAL (the Prisons Organisation is a referring agency), so that no profile reveals it")
            Beneficiary.Channel registrationChannel,
            Beneficiary.Status status, Beneficiary.SupportLevel supportLevel, Instant registeredAt,
            @Schema(description = "Registration date, Solar Hijri", examples = "1403-07-15") String registeredOn,
            UUID mergedInto, long version) {

        public static BeneficiaryView of(Beneficiary b) {
            return new BeneficiaryView(b.id, b.nationalCode, b.firstName, b.lastName, b.fatherName, b.birthDate,
                Days.jalali(b.birthDate), b.mobile, b.address, b.district, b.postalCode,
                b.registrationChannel.disclosed(), b.status, b.supportLevel, b.registeredAt, jalaliDay(b),
                b.mergedInto, b.version);
        }
    }

    @Schema(name = "BeneficiarySummary",
        description = "A woman in a list or search result: no identifiers, no contact.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BeneficiarySummary(UUID id, String firstName, String lastName, Short district,
            Beneficiary.Status status, Beneficiary.SupportLevel supportLevel, String registeredOn,
            @Schema(description = "Set when this record was merged into another") UUID mergedInto,
            @Schema(description = "Name similarity to the query, 0..1") Float similarity) {

        /** {@code similarity}: to the name searched for; null for a list. */
        public static BeneficiarySummary of(Beneficiary b, Float similarity) {
            return new BeneficiarySummary(b.id, b.firstName, b.lastName, b.district, b.status, b.supportLevel,
                jalaliDay(b), b.mergedInto, similarity);
        }
    }

    @Schema(name = "StatusChange")
    public record StatusChange(@NotNull Beneficiary.Status status, @Size(max = 1000) String reason) {
    }

    @Schema(name = "SupportLevelChange")
    public record SupportLevelChange(@NotNull Beneficiary.SupportLevel supportLevel,
            @Size(max = 1000) String reason,
            @Schema(description = "The services delivered to her behind this change (counselling sessions, training "
                + "enrolments, business facilitations); each must be hers. Kept in her history.")
            @Size(max = 20) List<@Valid @NotNull CitedService> citedServices) {

        /** The services cited, never null. */
        public List<CitedService> cited() {
            return citedServices == null ? List.of() : List.copyOf(citedServices);
        }
    }

    @Schema(name = "HistoryEntry",
        description = "One change of status or support level, or a merge or split of her record.")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record HistoryEntry(BeneficiaryHistory.Kind kind, String from, String to, String reason,
            String changedBy, Instant changedAt, String changedOn,
            @Schema(description = "The services a change of support level cited; absent when none")
            List<CitedService> citedServices) {

        public static HistoryEntry of(BeneficiaryHistory h) {
            return new HistoryEntry(h.kind, h.fromValue, h.toValue, h.reason, h.changedBy, h.changedAt,
                Days.jalali(h.changedAt), h.citedServices());
        }
    }

    /** The day she registered, Solar Hijri, in Tehran. */
    private static String jalaliDay(Beneficiary b) {
        return Days.jalali(b.registeredAt);
    }
}
