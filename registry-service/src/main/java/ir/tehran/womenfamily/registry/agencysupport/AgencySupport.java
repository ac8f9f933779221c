package ir.tehran.womenfamily.registry.agencysupport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.AgencyKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One support a household (the woman at its head) receives from another agency, over whole Jalali months: an
 * amount in integer rials per month, or support in kind with its description (exactly one of the two).
 */
@Entity
@Table(name = "agency_support")
public class AgencySupport extends PanacheEntityBase {

    /** What the support is. */
    @Schema(name = "AgencySupportKind")
    public enum Kind { MONTHLY_ALLOWANCE, ONE_OFF_GRANT, HOUSING, HEALTH, EDUCATION, FOOD, EMPLOYMENT, OTHER }

    /** Where the fact came from: a caseworker recorded it, or the agency reported it. */
    @Schema(name = "AgencySupportSource")
    public enum Source { CASEWORKER, AGENCY }

    /** The facts a caseworker records or corrects; the period is already whole months. */
    public record Facts(Agency agency, Kind kind, Long amountRials, String inKindDescription, JalaliMonths period,
            Source source, String note) {
    }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    @Column(name = "agency_kind", nullable = false)
    public AgencyKind agencyKind;

    @Column(name = "agency_name")
    public String agencyName;

    @Column(name = "agency_key", nullable = false)
    public String agencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "amount_rials")
    public Long amountRials;

    @Column(name = "in_kind_description")
    public String inKindDescription;

    @Column(name = "period_from", nullable = false)
    public LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    public LocalDate periodTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    public String note;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "corrected_at")
    public Instant correctedAt;

    @Column(name = "corrected_by")
    public String correctedBy;

    @Version
    public long version;

    static AgencySupport record(UUID beneficiaryId, Facts facts, String by, Instant now) {
        AgencySupport s = new AgencySupport();
        s.id = UUID.randomUUID();
        s.beneficiaryId = beneficiaryId;
        s.apply(facts);
        s.recordedAt = now;
        s.recordedBy = by;
        return s;
    }

    void correct(Facts facts, String by, Instant now) {
        apply(facts);
        correctedAt = now;
        correctedBy = by;
    }

    private void apply(Facts f) {
        agencyKind = f.agency().kind();
        agencyName = f.agency().name();
        agencyKey = f.agency().key();
        kind = f.kind();
        amountRials = f.amountRials();
        inKindDescription = f.inKindDescription();
        periodFrom = f.period().firstDay();
        periodTo = f.period().lastDay();
        source = f.source();
        note = f.note();
    }

    public Agency agency() {
        return new Agency(agencyKind, agencyName);
    }

    public JalaliMonths period() {
        return JalaliMonths.of(periodFrom, periodTo);
    }
}
