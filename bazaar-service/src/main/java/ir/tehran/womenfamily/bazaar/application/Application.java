package ir.tehran.womenfamily.bazaar.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A business's application to a bazaar: ranked venues, the days she can come, 1 or 2 stalls, special needs. */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    /** Submitted, or withdrawn (by her, or because her business closed). */
    @Schema(name = "ApplicationStatus")
    public enum Status { SUBMITTED, WITHDRAWN }

    /** Why an application was withdrawn. */
    @Schema(name = "ApplicationWithdrawalReason")
    public enum WithdrawalReason { BY_PRODUCER, BY_COORDINATOR, BUSINESS_CLOSED }

    @Id
    public UUID id;

    @Column(name = "bazaar_id", nullable = false)
    public UUID bazaarId;

    @Column(name = "business_id", nullable = false)
    public UUID businessId;

    @Column(nullable = false)
    public short stalls;

    @Column(name = "needs_power", nullable = false)
    public boolean needsPower;

    @Column(name = "needs_cooking", nullable = false)
    public boolean needsCooking;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_reason")
    public WithdrawalReason withdrawalReason;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Version
    public long version;

    /** When it last changed, for a producer app's delta sync (wall-clock time, as the sync token is). */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** Venues in her order of preference; the first is her first choice. */
    @ElementCollection
    @CollectionTable(name = "application_preference", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "rank")
    @Column(name = "venue_id", nullable = false)
    public List<UUID> venuePreferences = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "application_day", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "day", nullable = false)
    @OrderBy
    public List<LocalDate> days = new ArrayList<>();

    public static Application submit(UUID bazaarId, UUID businessId, List<UUID> preferences, List<LocalDate> days,
            int stalls, boolean needsPower, boolean needsCooking, Instant now) {
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.bazaarId = bazaarId;
        a.businessId = businessId;
        a.venuePreferences.addAll(preferences);
        a.days.addAll(new TreeSet<>(days));
        a.stalls = (short) stalls;
        a.needsCooking = needsCooking;
        a.needsPower = needsPower || needsCooking;
        a.status = Status.SUBMITTED;
        a.submittedAt = now;
        return a;
    }

    public void withdraw(WithdrawalReason reason, Instant now) {
        if (status == Status.WITHDRAWN) {
            throw ProblemException.conflict("already-withdrawn");
        }
        status = Status.WITHDRAWN;
        withdrawalReason = reason;
        withdrawnAt = now;
    }

    /** 0 for her first choice, 1 for the second…; -1 when the venue is not among her choices. */
    public int rankOf(UUID venueId) {
        return venuePreferences.indexOf(venueId);
    }
}
