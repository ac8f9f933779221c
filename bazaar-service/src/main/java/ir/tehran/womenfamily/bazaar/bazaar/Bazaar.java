package ir.tehran.womenfamily.bazaar.bazaar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bazaar or exhibition: a Jalali date range, its venues and stalls, an application window, a lifecycle. */
@Entity
@Table(name = "bazaar")
public class Bazaar extends PanacheEntityBase {

    public static final String AGGREGATE = "bazaar";

    /** Kinds of bazaar; {@code PERMANENT} ones are kept for the comparison the directorate draws. */
    @Schema(name = "BazaarKind")
    public enum Kind { SEASONAL, MONTHLY, OCCASION, EXHIBITION, PERMANENT }

    /** draft → open → allocating → published → running → closed. */
    @Schema(name = "BazaarStatus")
    public enum Status { DRAFT, OPEN, ALLOCATING, PUBLISHED, RUNNING, CLOSED }

    private static final Map<Status, Set<Status>> NEXT = Map.of(
        Status.DRAFT, Set.of(Status.OPEN),
        Status.OPEN, Set.of(Status.ALLOCATING),
        Status.ALLOCATING, Set.of(Status.PUBLISHED, Status.OPEN),
        Status.PUBLISHED, Set.of(Status.RUNNING),
        Status.RUNNING, Set.of(Status.CLOSED),
        Status.CLOSED, Set.of());

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    public String occasion;

    @Column(name = "name_fa", nullable = false)
    public String nameFa;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Column(name = "applications_open", nullable = false)
    public LocalDate applicationsOpen;

    @Column(name = "applications_close", nullable = false)
    public LocalDate applicationsClose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "series_id")
    public UUID seriesId;

    @Column(nullable = false)
    public boolean historical;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Its days, first to last. */
    public List<LocalDate> days() {
        return startDate.datesUntil(endDate.plusDays(1)).toList();
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public boolean acceptsApplicationsOn(LocalDate today) {
        return status == Status.OPEN && !today.isBefore(applicationsOpen) && !today.isAfter(applicationsClose);
    }

    /**
     * Moves the bazaar along its lifecycle, or answers 409 for a move the lifecycle does not allow.
     * Opening it announces it: the {@code bazaar.published} event.
     */
    public List<DomainEvent> moveTo(Status to, List<BazaarVenueDay> days, Instant now) {
        if (!NEXT.get(status).contains(to)) {
            throw new ProblemException(409, "illegal-transition", status.name(), to.name());
        }
        status = to;
        updatedAt = now;
        if (to == Status.OPEN && !historical) {
            return List.of(DomainEvent.of(AGGREGATE, id, "bazaar.published", 1,
                BazaarDtos.BazaarPublished.of(this, days)));
        }
        return List.of();
    }
}
