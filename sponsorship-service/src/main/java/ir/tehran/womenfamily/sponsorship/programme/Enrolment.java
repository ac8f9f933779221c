package ir.tehran.womenfamily.sponsorship.programme;

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

/** A child's place in a programme, or on its waitlist (first come, first served). */
@Entity
@Table(name = "enrolment")
public class Enrolment extends PanacheEntityBase {

    /** Where the enrolment stands. */
    @Schema(name = "EnrolmentStatus")
    public enum Status {
        ENROLLED,
        WAITLISTED,
        COMPLETED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(name = "child_id", nullable = false)
    public UUID childId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "enrolled_at")
    public Instant enrolledAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    public String outcome;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Version
    public long version;
}
