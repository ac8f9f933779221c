package ir.tehran.womenfamily.registry.consent;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One thing shared of a woman under a consent: what, to whom, when, under which consent, by which service.
 * Written in the transaction of the share (the registry's own) or of the consumed event that reports it (the
 * bazaar's and sponsorship's), never changed. {@code what} and {@code recipient} are codes
 * ({@code enrolment-date}, {@code agency:RELIEF_COMMITTEE}, {@code child-proposed}, {@code sponsor}), never the
 * data itself.
 */
@Entity
@Table(name = "disclosure")
public class Disclosure extends PanacheEntityBase {

    /** The service of the registry's own shares. */
    public static final String REGISTRY = "registry";

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "disclosed_at", nullable = false)
    public Instant disclosedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    @Column(name = "consent_id", nullable = false)
    public UUID consentId;

    @Column(nullable = false)
    public String what;

    @Column(nullable = false)
    public String recipient;

    /** The record the share belongs to (a referral's id), when there is one. */
    public String reference;

    @Column(name = "by_actor", nullable = false)
    public String byActor;

    /** The service that made the share: {@code registry}, {@code bazaar} or {@code sponsorship}. */
    @Column(nullable = false)
    public String service = REGISTRY;
}
