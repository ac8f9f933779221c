package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A session a mentor held with her mentee. */
@Entity
@Table(name = "campaign_session")
public class MentoringSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "mentee_id", nullable = false)
    public UUID menteeId;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public int minutes;

    @Column(nullable = false)
    public String topic;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
