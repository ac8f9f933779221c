package ir.tehran.womenfamily.sponsorship.roster;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rebuild of the roster by replaying the registry's topics from their beginning. */
@Entity
@Table(name = "roster_replay")
public class RosterReplayRun extends PanacheEntityBase {

    /** Where the run is. */
    @Schema(name = "RosterReplayStatus")
    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "events_read", nullable = false)
    public long eventsRead;

    @Column(name = "events_failed", nullable = false)
    public long eventsFailed;

    public Long children;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
}
