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
 * One thing the registry shared of a woman under a consent: what, to whom, when, under which consent. Written
 * in the transaction of the share, never changed. {@code what} and {@code recipient} are codes
 * ({@code enrolment-date}, {@code agency:RELIEF_COMMITTEE}), never the data itself.
 */
@Entity
@Table(name = "disclosure")
public class Disclosure extends PanacheEntityBase {

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
}
