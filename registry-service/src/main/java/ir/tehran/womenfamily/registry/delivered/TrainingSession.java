package ir.tehran.womenfamily.registry.delivered;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One session of a training course. */
@Entity
@Table(name = "training_session")
public class TrainingSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    public String topic;
}
