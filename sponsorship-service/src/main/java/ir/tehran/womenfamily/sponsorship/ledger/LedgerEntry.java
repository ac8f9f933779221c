package ir.tehran.womenfamily.sponsorship.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One movement of money on a pledge or on a campaign fund ({@code fundId}), in whole rials. Append-only: the
 * database refuses updates and deletes; a mistake is corrected by a new entry.
 */
@Entity
@Table(name = "ledger_entry")
@Immutable
public class LedgerEntry extends PanacheEntityBase {

    /** What moved. */
    @Schema(name = "LedgerEntryKind")
    public enum Kind {
        /** The sponsor promised the pledge's total (on confirmation). */
        PLEDGED,
        /** The part of a promise that will not be paid (the pledge ended early). */
        PLEDGE_RELEASED,
        /** Money came in from the payer. */
        RECEIVED,
        /** Money went out: school fees, course fees, or to the family. */
        DISBURSED,
        /** A benefactor gave to a campaign fund. */
        CONTRIBUTED,
        /** A campaign fund paid a draw (reference: the draw's opaque id; who it is for is not known here). */
        DRAWN
    }

    /** Where disbursed money went. */
    @Schema(name = "DisbursementTarget")
    public enum Target {
        SCHOOL_FEES,
        COURSE_FEES,
        FAMILY
    }

    /** What a disbursement paid for, when it paid for something the service records. */
    @Schema(name = "LedgerReferenceType")
    public enum ReferenceType {
        SCHOOL_APPLICATION,
        ENROLMENT,
        /** A draw on a campaign fund, by the opaque id the registry gave it. */
        FUND_DRAW
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The pledge it moves, or null for a campaign fund's entry. */
    @Column(name = "pledge_id")
    public UUID pledgeId;

    /** The campaign fund it moves, or null for a pledge's entry. */
    @Column(name = "fund_id")
    public UUID fundId;

    /** Who gave, for a contribution to a campaign fund. */
    @Column(name = "benefactor_id")
    public UUID benefactorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "amount_rials", nullable = false)
    public long amountRials;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    public Target target;

    @Enumerated(EnumType.STRING)
    @Column(name = "reference_type")
    public ReferenceType referenceType;

    @Column(name = "reference_id")
    public UUID referenceId;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
