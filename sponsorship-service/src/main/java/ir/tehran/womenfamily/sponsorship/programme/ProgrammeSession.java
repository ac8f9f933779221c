package ir.tehran.womenfamily.sponsorship.programme;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One session of a programme, numbered from 1. */
@Entity
@Table(name = "programme_session")
public class ProgrammeSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public short number;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    public String topic;

    /** Counts the changes to its attendance: the session's ETag, checked against an update's If-Match. */
    @Column(nullable = false)
    public long version;
}
