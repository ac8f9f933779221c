package ir.tehran.womenfamily.registry.work.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A paid placement (اشتغال) of a conditionally released prisoner in a production unit, under the
 * agreement with the Prisons Organisation (سازمان زندان‌ها): the work counts toward her sentence and is
 * paid by the hour in integer rials. Because only members of that cohort are placed, the placement's
 * existence is itself a sensitive fact; its {@code toString} names nothing but its id.
 */
@Entity
@Table(name = "placement")
public class Placement extends PanacheEntityBase {

    public static final String AGGREGATE = "placement";

    /** Why a placement ended; never put in an event, since some reasons would reveal more than the end. */
    @Schema(name = "PlacementEndReason")
    public enum EndReason { COMPLETED, LEFT, TRANSFERRED, OTHER }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "centre_id")
    public UUID centreId;

    @Column(name = "unit_name", nullable = false)
    public String unitName;

    @Column(nullable = false)
    public String training;

    @Column(name = "training_completed_on", nullable = false)
    public LocalDate trainingCompletedOn;

    @Column(name = "hours_per_day", nullable = false)
    public short hoursPerDay;

    @Column(name = "hourly_wage_rials", nullable = false)
    public long hourlyWageRials;

    /** The Prisons Organisation's own reference for her, given when she was introduced; may be absent. */
    @Column(name = "prisons_reference")
    public String prisonsReference;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Version
    public long version;

    /** What a placement is made of; validated by the service before it gets here. */
    public record Terms(UUID centreId, String unitName, String training, LocalDate trainingCompletedOn,
            int hoursPerDay, long hourlyWageRials, String prisonsReference, LocalDate startedOn) {
    }

    /** A new placement and the event it causes. */
    public record Started(Placement placement, DomainEvent event) {
    }

    public static Started start(UUID beneficiaryId, Terms terms, String by, Instant now) {
        if (terms.trainingCompletedOn().isAfter(terms.startedOn())) {
            throw new IllegalArgumentException("training must be completed before the placement starts");
        }
        Placement p = new Placement();
        p.id = UUID.randomUUID();
        p.beneficiaryId = beneficiaryId;
        p.centreId = terms.centreId();
        p.unitName = PersianText.normalize(terms.unitName().strip());
        p.training = PersianText.normalize(terms.training().strip());
        p.trainingCompletedOn = terms.trainingCompletedOn();
        p.hoursPerDay = (short) terms.hoursPerDay();
        p.hourlyWageRials = terms.hourlyWageRials();
        p.prisonsReference = terms.prisonsReference() == null || terms.prisonsReference().isBlank() ? null
            : PersianText.normalize(terms.prisonsReference().strip());
        p.startedOn = terms.startedOn();
        p.createdAt = now;
        p.createdBy = by;
        return new Started(p, DomainEvent.of(AGGREGATE, p.id, PlacementStarted.TYPE, 1,
            new PlacementStarted(p.id, p.centreId, p.startedOn, Days.jalali(p.startedOn), p.hoursPerDay)));
    }

    public boolean isOpen() {
        return endedOn == null;
    }

    /** Whether {@code day} falls within the placement (up to its end, if it has ended). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(startedOn) && (endedOn == null || !day.isAfter(endedOn));
    }

    /** Ends the placement on {@code day}; the event names neither her nor the reason. */
    public DomainEvent end(LocalDate day, EndReason reason, String by, Instant now) {
        if (!isOpen()) {
            throw new IllegalStateException("the placement has ended already");
        }
        if (day.isBefore(startedOn)) {
            throw new IllegalArgumentException("a placement cannot end before it began");
        }
        endedOn = day;
        endReason = reason;
        endedAt = now;
        endedBy = by;
        return DomainEvent.of(AGGREGATE, id, PlacementEnded.TYPE, 1,
            new PlacementEnded(id, centreId, endedOn, Days.jalali(endedOn)));
    }

    /** The wage of {@code hours} hours, in rials. */
    public long wagesFor(long hours) {
        return Math.multiplyExact(hours, hourlyWageRials);
    }

    @Override
    public String toString() {
        return "Placement[" + id + "]";
    }

    /**
     * Payload of {@code placement.started} v1: deliberately without the woman's id, name, national code,
     * unit name, wage or any cohort, so the event cannot be tied to a person (see the README).
     */
    public record PlacementStarted(UUID placementId, UUID centreId, LocalDate startedOn, String startedOnJalali,
            int hoursPerDay) {
        public static final String TYPE = "placement.started";
    }

    /** Payload of {@code placement.ended} v1: as {@link PlacementStarted}, and without the reason. */
    public record PlacementEnded(UUID placementId, UUID centreId, LocalDate endedOn, String endedOnJalali) {
        public static final String TYPE = "placement.ended";
    }
}
