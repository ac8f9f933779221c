package ir.tehran.womenfamily.registry.delivered;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** She was present at one session of a course she is enrolled in. */
@Entity
@Table(name = "training_attendance")
public class TrainingAttendance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "enrolment_id", nullable = false)
    public UUID enrolmentId;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
