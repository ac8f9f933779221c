package ir.tehran.womenfamily.registry.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for consent, and the agency reference referrals use too. */
public final class ConsentDtos {

    /** How many consents one {@code POST /consents} may carry. */
    public static final int MAX_AT_ONCE = 200;

    private ConsentDtos() {
    }

    @Schema(name = "AgencyRef", description = "An agency: a kind and, for OTHER (required) or BENEFACTORS, a name.")
    public record AgencyRef(
            @NotNull AgencyKind kind,
            @Schema(description = "The agency's name; required for OTHER", examples = "انجمن حمایت از زندانیان")
            @Size(max = 200) String name) {

        public static AgencyRef of(Agency agency) {
            return agency == null ? null : new AgencyRef(agency.kind(), agency.name());
        }
    }

    @Schema(name = "RecordConsent", description = "A consent a woman gave.")
    public record RecordConsent(
            @NotNull ConsentPurpose purpose,
            @Schema(description = "Required exactly when the purpose is SHARE_WITH_AGENCY") @Valid AgencyRef agency,
            @Schema(description = "When she gave it: ISO or Jalali, Latin or Persian digits", examples = "1403-01-15")
            @NotBlank @Size(max = 20) String givenOn,
            @NotNull ConsentChannel channel) {
    }

    @Schema(name = "RecordConsentByCode", description = "A consent a woman gave, naming her by national code.")
    public record RecordConsentByCode(
            @Schema(description = "Her national code, as on the paper form (Latin or Persian digits)")
            @NotBlank @Size(max = 20) String nationalCode,
            @NotNull ConsentPurpose purpose,
            @Schema(description = "Required exactly when the purpose is SHARE_WITH_AGENCY") @Valid AgencyRef agency,
            @Schema(description = "When she gave it: ISO or Jalali, Latin or Persian digits", examples = "1403-01-15")
            @NotBlank @Size(max = 20) String givenOn,
            @NotNull ConsentChannel channel) {

        /** The consent itself, once she is found. */
        public RecordConsent consent() {
            return new RecordConsent(purpose, agency, givenOn, channel);
        }
    }

    @Schema(name = "RecordConsents", description = "Consents of many women, recorded all together or not at all.")
    public record RecordConsents(
            @Schema(description = "At most " + MAX_AT_ONCE + " consents")
            @NotNull @Size(min = 1, max = MAX_AT_ONCE) List<@Valid @NotNull RecordConsentByCode> consents) {
    }

    @Schema(name = "RecordedConsents", description = "The consents recorded, in the order they were sent.")
    public record RecordedConsents(List<ConsentView> items) {
    }

    @Schema(name = "Consent", description = "A consent and, once revoked, who revoked it and when.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentView(UUID id, UUID beneficiaryId, ConsentPurpose purpose, AgencyRef agency,
            LocalDate givenOn, String givenOnJalali, ConsentChannel channel, boolean active, Instant recordedAt,
            String recordedBy, Instant revokedAt, String revokedOnJalali, String revokedBy,
            @Schema(description = "Its version, sent back in If-Match to revoke it") long version) {

        public static ConsentView of(Consent c) {
            return new ConsentView(c.id, c.beneficiaryId, c.purpose, AgencyRef.of(c.agency()), c.givenOn,
                Days.jalali(c.givenOn), c.channel, c.isActive(), c.recordedAt, c.recordedBy, c.revokedAt,
                Days.jalali(c.revokedAt), c.revokedBy, c.version);
        }
    }
}
