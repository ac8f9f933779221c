package ir.tehran.womenfamily.registry.correction;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A woman's request to correct a fact the register holds about her or one of her children: which fact, what she
 * says it should be, and, once a caseworker of her district handled it, the outcome and the answer she reads.
 */
@Entity
@Table(name = "correction_request")
public class Correction extends PanacheEntityBase {

    /** Where a request is. */
    @Schema(name = "CorrectionStatus", description = "Where a correction request is")
    public enum Status {
        OPEN, ACCEPTED, REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    /** The child the fact is about, or null for her own record. */
    @Column(name = "child_id")
    public UUID childId;

    @Column(nullable = false)
    public String field;

    @Column(name = "proposed_value", nullable = false)
    public String proposedValue;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "handled_at")
    public Instant handledAt;

    @Column(name = "handled_by")
    public String handledBy;

    /** The caseworker's answer to her. */
    public String answer;

    @Version
    public long version;
}
