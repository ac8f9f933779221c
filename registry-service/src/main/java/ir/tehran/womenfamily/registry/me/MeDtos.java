package ir.tehran.womenfamily.registry.me;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.consent.Consent;
import ir.tehran.womenfamily.registry.consent.ConsentChannel;
import ir.tehran.womenfamily.registry.consent.ConsentDtos;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.household.Child;
import ir.tehran.womenfamily.support.jalali.Days;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a woman reads about herself: the facts she gave or that identify her, never the register's judgements or the
 * staff's work (support level, status history, registration channel, case and its notes, cohorts, referrals, risk,
 * who recorded what). Each view lists what it withholds.
 */
public final class MeDtos {

    private MeDtos() {
    }

    @Schema(name = "MyRecord", description = "Her own record as the register holds it: her identity, contact and "
        + "address. Withheld even from her: support level, status, registration channel, case, notes, cohorts, "
        + "referrals and who recorded what.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyRecord(UUID id, String nationalCode, String firstName, String lastName, String fatherName,
            LocalDate birthDate, String birthDateJalali, String mobile, String address, Short district,
            String postalCode, String registeredOn) {

        public static MyRecord of(Beneficiary b) {
            return new MyRecord(b.id, b.nationalCode, b.firstName, b.lastName, b.fatherName, b.birthDate,
                Days.jalali(b.birthDate), b.mobile, b.address, b.district, b.postalCode, Days.jalali(b.registeredAt));
        }
    }

    @Schema(name = "MyChild", description = "One of her children as the register holds it (no sponsorship "
        + "assessment or risk: those are not the register's and are withheld).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyChild(UUID id, String firstName, String lastName, String nationalCode, LocalDate birthDate,
            String birthDateJalali, Child.Gender gender, Short grade) {

        public static MyChild of(Child c) {
            return new MyChild(c.id, c.firstName, c.lastName, c.nationalCode, c.birthDate, Days.jalali(c.birthDate),
                c.gender, c.grade);
        }
    }

    @Schema(name = "MyConsent", description = "A consent she gave, whether it is still active, and when she "
        + "revoked it; not which member of staff recorded it.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyConsent(UUID id, ConsentPurpose purpose, ConsentDtos.AgencyRef agency, LocalDate givenOn,
            String givenOnJalali, ConsentChannel channel, boolean active, Instant revokedAt, String revokedOnJalali,
            @Schema(description = "Its version, sent back in If-Match to revoke it") long version) {

        public static MyConsent of(Consent c) {
            return new MyConsent(c.id, c.purpose, ConsentDtos.AgencyRef.of(c.agency()), c.givenOn,
                Days.jalali(c.givenOn), c.channel, c.isActive(), c.revokedAt, Days.jalali(c.revokedAt), c.version);
        }
    }

    @Schema(name = "SignInLookup", description = "A mobile number the gateway signs a woman in with.")
    public record Lookup(@Schema(required = true, examples = "+989121234567") String mobile) {
    }

    @Schema(name = "SignInLookupResult", description = "The register's woman with that number, if exactly one.")
    public record LookupResult(@Schema(description = "Her id; null when the register knows no woman, or more than "
        + "one, with that number") UUID beneficiaryId) {
    }
}
