package ir.tehran.womenfamily.sponsorship.giftedschool;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
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
 * A talented child's application to a selective school, from plan to outcome:
 * {@code PLANNED -> APPLIED -> EXAM_TAKEN -> ADMITTED | NOT_ADMITTED}, or {@code WITHDRAWN} before the
 * outcome. Its fee is covered by disbursements that name it.
 */
@Entity
@Table(name = "school_application")
public class SchoolApplication extends PanacheEntityBase {

    /** The stages of the pipeline. */
    @Schema(name = "SchoolApplicationStatus")
    public enum Status {
        PLANNED,
        APPLIED,
        EXAM_TAKEN,
        ADMITTED,
        NOT_ADMITTED,
        WITHDRAWN;

        /** The stages this one may move to. */
        public Set<Status> next() {
            return switch (this) {
                case PLANNED -> Set.of(APPLIED, WITHDRAWN);
                case APPLIED -> Set.of(EXAM_TAKEN, WITHDRAWN);
                case EXAM_TAKEN -> Set.of(ADMITTED, NOT_ADMITTED, WITHDRAWN);
                case ADMITTED, NOT_ADMITTED, WITHDRAWN -> Set.of();
            };
        }

        public boolean open() {
            return !next().isEmpty();
        }
    }

    @Id
    public UUID id;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Column(name = "school_id", nullable = false)
    public UUID schoolId;

    @Column(name = "academic_year", nullable = false)
    public short academicYear;

    @Column(name = "application_deadline", nullable = false)
    public LocalDate applicationDeadline;

    @Column(name = "exam_date")
    public LocalDate examDate;

    @Column(name = "fee_rials", nullable = false)
    public long feeRials;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "applied_on")
    public LocalDate appliedOn;

    @Column(name = "exam_taken_on")
    public LocalDate examTakenOn;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
