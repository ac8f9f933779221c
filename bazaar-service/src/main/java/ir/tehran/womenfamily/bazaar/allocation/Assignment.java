package ir.tehran.womenfamily.bazaar.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stall (or two) for one producer at one venue on one day, with the score breakdown that put her there. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    /** Assigned; confirmed by her; a no-show; released (withdrawn, business closed, or re-solved away). */
    @Schema(name = "AssignmentStatus")
    public enum Status { ASSIGNED, CONFIRMED, NO_SHOW, RELEASED }

    @Id
    public UUID id;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(name = "bazaar_id", nullable = false)
    public UUID bazaarId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "business_id", nullable = false)
    public UUID businessId;

    @Column(name = "venue_id", nullable = false)
    public UUID venueId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false)
    public short stalls;

    /** 0 her first choice, 1 her second…; null when the venue was not among her choices. */
    @Column(name = "preference_rank")
    public Short preferenceRank;

    /** Why the stall is not at her first choice (a code; the API translates it). */
    public String reason;

    @Column(nullable = false)
    public String explanation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "status_by")
    public String statusBy;

    public boolean holdsStall() {
        return status == Status.ASSIGNED || status == Status.CONFIRMED;
    }
}
