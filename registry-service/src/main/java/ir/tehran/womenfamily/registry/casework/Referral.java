package ir.tehran.womenfamily.registry.casework;

import java.time.Instant;
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

/** A referral of a woman to another agency (OUT) or from one (IN), and where it stands. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "agency_kind", nullable = false)
    public AgencyKind agencyKind;

    @Column(name = "agency_name")
    public String agencyName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralPurpose purpose = ReferralPurpose.GENERAL;

    /** The agency client that sent a referral in through the API, and follows it; null otherwise. */
    @Column(name = "agency_client")
    public String agencyClient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralState state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new referral: OUT starts as PROPOSED, IN as SENT (the other agency sent it). */
    public static Referral create(UUID beneficiaryId, ReferralDirection direction, Agency agency, String by,
            Instant now) {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.beneficiaryId = beneficiaryId;
        r.direction = direction;
        r.agencyKind = agency.kind();
        r.agencyName = agency.name();
        r.state = direction == ReferralDirection.OUT ? ReferralState.PROPOSED : ReferralState.SENT;
        r.createdAt = now;
        r.createdBy = by;
        r.updatedAt = now;
        return r;
    }

    /** A referral with its purpose. */
    public static Referral create(UUID beneficiaryId, ReferralDirection direction, Agency agency,
            ReferralPurpose purpose, String by, Instant now) {
        Referral r = create(beneficiaryId, direction, agency, by, now);
        r.purpose = purpose == null ? ReferralPurpose.GENERAL : purpose;
        return r;
    }

    public Agency agency() {
        return new Agency(agencyKind, agencyName);
    }

    /** Whether moving to {@code target} shares her data with the agency: sending a referral out. */
    public boolean sharesOnMoveTo(ReferralState target) {
        return direction == ReferralDirection.OUT && target == ReferralState.SENT;
    }

    /** Moves to {@code target}; the transition to keep in the history, or an exception when not allowed. */
    public ReferralTransition moveTo(ReferralState target, String by, Instant now) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException(state + " cannot move to " + target);
        }
        state = target;
        updatedAt = now;
        return ReferralTransition.of(id, target, by, now);
    }

    /** The history's first entry. */
    public ReferralTransition created() {
        return ReferralTransition.of(id, state, createdBy, createdAt);
    }
}
