package ir.tehran.womenfamily.bazaar.allocation;

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

/** One allocation of a bazaar's stalls: solving in the background, solved, published or superseded. */
@Entity
@Table(name = "allocation_run")
public class AllocationRun extends PanacheEntityBase {

    /** The solver, or the first-come greedy baseline. */
    @Schema(name = "AllocationMethod")
    public enum Method { SOLVER, GREEDY }

    /** Where the run is. */
    @Schema(name = "AllocationRunStatus")
    public enum Status { SOLVING, SOLVED, FAILED, PUBLISHED, SUPERSEDED }

    @Id
    public UUID id;

    @Column(name = "bazaar_id", nullable = false)
    public UUID bazaarId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Method method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public long seed;

    @Column(name = "time_limit_ms", nullable = false)
    public long timeLimitMs;

    /** The published run this one re-solves (its placements are pinned), if any. */
    @Column(name = "based_on")
    public UUID basedOn;

    public String score;

    public Integer applicants;

    public Integer placed;

    public Integer waitlisted;

    public String error;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
