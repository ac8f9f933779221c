package ir.tehran.womenfamily.registry.delivered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A woman's enrolment in a training course, under her case: her attendance, her completion and certificate. */
@Entity
@Table(name = "training_enrolment")
public class TrainingEnrolment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "enrolled_on", nullable = false)
    public LocalDate enrolledOn;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "certificate_number")
    public String certificateNumber;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version
    public long version;
}
