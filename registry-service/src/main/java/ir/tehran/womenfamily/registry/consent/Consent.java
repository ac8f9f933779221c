package ir.tehran.womenfamily.registry.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A woman's consent to one purpose; revoked, never deleted. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "agency_kind")
    public AgencyKind agencyKind;

    @Column(name = "agency_name")
    public String agencyName;

    @Column(name = "agency_key")
    public String agencyKey;

    @Column(name = "given_on", nullable = false)
    public LocalDate givenOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentChannel channel;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Version
    public long version;

    public static Consent give(UUID beneficiaryId, ConsentPurpose purpose, Agency agency, LocalDate givenOn,
            ConsentChannel channel, String by, Instant now) {
        if ((purpose == ConsentPurpose.SHARE_WITH_AGENCY) != (agency != null)) {
            throw new IllegalArgumentException("an agency is named exactly when sharing with an agency");
        }
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.beneficiaryId = beneficiaryId;
        c.purpose = purpose;
        if (agency != null) {
            c.agencyKind = agency.kind();
            c.agencyName = agency.name();
            c.agencyKey = agency.key();
        }
        c.givenOn = givenOn;
        c.channel = channel;
        c.recordedAt = now;
        c.recordedBy = by;
        return c;
    }

    public Agency agency() {
        return agencyKind == null ? null : new Agency(agencyKind, agencyName);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Revokes it; false when it already was. */
    public boolean revoke(String by, Instant now) {
        if (!isActive()) {
            return false;
        }
        revokedAt = now;
        revokedBy = by;
        return true;
    }

    /**
     * The event announcing this consent given or revoked (topic {@code registry.consent}, keyed by the woman's id
     * so that her consents stay in order), with {@code purposeActive}: whether, after this change, she still
     * has an active consent to the same purpose (and agency kind) — what a consumer acts on.
     */
    public DomainEvent changed(boolean purposeActive) {
        String type = isActive() ? "consent.given" : "consent.revoked";
        Instant at = isActive() ? recordedAt : revokedAt;
        return DomainEvent.of(AGGREGATE, beneficiaryId, type, 1, new Changed(beneficiaryId, id, purpose, agencyKind,
            isActive() ? State.GIVEN : State.REVOKED, purposeActive, at));
    }

    /**
     * {@code consent.revoked} under {@code from}, the record this consent was moved away from by a split: it no
     * longer holds for {@code from}; {@code purposeActive} says whether {@code from} still has the purpose from
     * consents of her own.
     */
    public DomainEvent movedAway(UUID from, boolean purposeActive) {
        return DomainEvent.of(AGGREGATE, from, "consent.revoked", 1, new Changed(from, id, purpose, agencyKind,
            State.REVOKED, purposeActive, recordedAt));
    }

    /** The aggregate type of consent events: their topic is {@code registry.consent}. */
    public static final String AGGREGATE = "consent";

    /** A consent's state in its event. */
    @Schema(name = "ConsentState")
    public enum State { GIVEN, REVOKED }

    /**
     * Payload of {@code consent.given} / {@code consent.revoked} v1: ids, the purpose, the agency's kind (never its
     * name), the state. No personal data.
     */
    public record Changed(UUID beneficiaryId, UUID consentId, ConsentPurpose purpose, AgencyKind agencyKind,
            State state, boolean purposeActive, Instant at) {
    }

    /** Whether this consent allows {@code purpose} (with {@code agency}, for sharing) now. */
    public boolean allows(ConsentPurpose wanted, Agency target) {
        return isActive() && purpose == wanted
            && (wanted != ConsentPurpose.SHARE_WITH_AGENCY || agency().covers(target));
    }
}
