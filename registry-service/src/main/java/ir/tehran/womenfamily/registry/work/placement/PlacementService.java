package ir.tehran.womenfamily.registry.work.placement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.Inputs;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.registry.centre.WorkshopCentre;
import ir.tehran.womenfamily.registry.cohort.CohortDefinition;
import ir.tehran.womenfamily.registry.cohort.CohortMembership;
import ir.tehran.womenfamily.registry.duplicate.BeneficiariesMerged;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Paid placements of conditionally released prisoners. Every read and write goes through
 * {@link SensitiveAccess#sensitive}: her assigned caseworker, or an admin through break-glass; anyone
 * else gets the same 404 as for a woman who does not exist. Every success is audited with no fact of
 * the placement beyond its id; refusals are audited by {@link SensitiveAccess}.
 */
@ApplicationScoped
public class PlacementService {

    /** The audit and break-glass resource type of everything about placements. */
    public static final String RESOURCE = "beneficiary.placements";

    @Inject
    SensitiveAccess access;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public List<Placement> list(UUID beneficiaryId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement.list", breakGlassReason);
        List<Placement> found = Placement.list("beneficiaryId = ?1 order by startedOn desc, id", beneficiaryId);
        access.audit(grant, AuditEvent.of("placement.list", RESOURCE, beneficiaryId).withDetail("count", found.size()));
        return found;
    }

    @Transactional
    public Placement get(UUID beneficiaryId, UUID placementId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement.read", breakGlassReason);
        Placement p = placement(beneficiaryId, placementId);
        access.audit(grant, AuditEvent.of("placement.read", RESOURCE, beneficiaryId).withDetail("placementId", p.id));
        return p;
    }

    /**
     * Starts her placement. She must be a member of the conditionally-released-prisoner cohort on the
     * day it starts (checked here, never shown), have completed her training by then, and have no open
     * placement.
     */
    @Transactional
    public Placement start(UUID beneficiaryId, PlacementDtos.StartPlacement r, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement.start", breakGlassReason);
        LocalDate today = today();
        LocalDate startedOn = Inputs.pastDay("startedOn", r.startedOn(), today);
        LocalDate trained = Inputs.pastDay("trainingCompletedOn", r.trainingCompletedOn(), today);
        if (trained.isAfter(startedOn)) {
            throw ProblemException.invalid("trainingCompletedOn", "validation.placement.training-after-start");
        }
        String unit = r.unitName() == null || r.unitName().isBlank() ? null : r.unitName();
        if (r.centreId() != null) {
            WorkshopCentre centre = WorkshopCentre.<WorkshopCentre>findByIdOptional(r.centreId())
                .orElseThrow(() -> ProblemException.invalid("centreId", "validation.unknown-centre"));
            unit = unit == null ? centre.name : unit;
        } else if (unit == null) {
            throw ProblemException.invalid("unitName", "validation.placement.unit-required");
        }
        if (!eligible(beneficiaryId, startedOn)) {
            throw ProblemException.conflict("placement-not-eligible");
        }
        if (Placement.count("beneficiaryId = ?1 and endedOn is null", beneficiaryId) > 0) {
            throw ProblemException.conflict("placement-open");
        }
        Placement.Started started = Placement.start(beneficiaryId, new Placement.Terms(r.centreId(), unit,
            r.training(), trained, r.hoursPerDay(), r.hourlyWageRials(), r.prisonsReference(), startedOn),
            grant.username(), Instant.now(clock));
        started.placement().persist();
        outbox.append(started.event());
        access.audit(grant, AuditEvent.of("placement.start", RESOURCE, beneficiaryId)
            .withDetail("placementId", started.placement().id));
        return started.placement();
    }

    @Transactional
    public Placement end(UUID beneficiaryId, UUID placementId, long expectedVersion, PlacementDtos.EndPlacement r,
            String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement.end", breakGlassReason);
        Placement p = placement(beneficiaryId, placementId);
        if (p.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (!p.isOpen()) {
            throw ProblemException.conflict("placement-ended");
        }
        LocalDate day = Inputs.pastDay("endedOn", r.endedOn(), today());
        if (day.isBefore(p.startedOn)) {
            throw ProblemException.invalid("endedOn", "validation.placement.ended-before-start");
        }
        if (Attendance.count("key.placementId = ?1 and key.day > ?2", p.id, day) > 0) {
            throw ProblemException.invalid("endedOn", "validation.placement.attendance-after-end");
        }
        if (PlacementStatement.count("placementId = ?1 and lastDay > ?2", p.id, day) > 0) {
            throw ProblemException.invalid("endedOn", "validation.placement.issued-after-end");
        }
        outbox.append(p.end(day, r.reason(), grant.username(), Instant.now(clock)));
        access.audit(grant, AuditEvent.of("placement.end", RESOURCE, beneficiaryId).withDetail("placementId", p.id));
        return p;
    }

    /** The days just recorded and the placement's version after them (its ETag). */
    public record RecordedAttendance(List<Attendance> days, long version) {
    }

    /**
     * Sets the given days of her attendance over the placement's version the caller read (412 when it changed
     * since); every bad day is reported at once, and nothing is written then. A record counts the placement's
     * version up (under a row lock), so two coordinators recording the same month cannot overwrite each other.
     */
    @Transactional
    public RecordedAttendance record(UUID beneficiaryId, UUID placementId, long expectedVersion,
            PlacementDtos.RecordAttendance r, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement-attendance.record", breakGlassReason);
        Placement p = placement(beneficiaryId, placementId);
        if (p.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        LocalDate today = today();
        List<ProblemException.FieldError> errors = new ArrayList<>();
        List<Attendance> rows = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        Set<JalaliMonth> months = new HashSet<>();
        for (int i = 0; i < r.days().size(); i++) {
            PlacementDtos.AttendanceDay d = r.days().get(i);
            String field = "days[" + i + "]";
            LocalDate day;
            try {
                day = Inputs.pastDay(field + ".day", d.day(), today);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
                continue;
            }
            if (!p.covers(day)) {
                errors.add(new ProblemException.FieldError(field + ".day", "validation.placement.day-outside"));
                continue;
            }
            if (!seen.add(day)) {
                errors.add(new ProblemException.FieldError(field + ".day", "validation.placement.day-repeated"));
                continue;
            }
            Integer hours = d.hours();
            if (d.status() == Attendance.Status.PRESENT) {
                hours = hours == null ? Integer.valueOf(p.hoursPerDay) : hours;
                if (hours == 0) {
                    errors.add(new ProblemException.FieldError(field + ".hours", "validation.placement.present-hours"));
                    continue;
                }
            } else if (hours != null && hours != 0) {
                errors.add(new ProblemException.FieldError(field + ".hours", "validation.placement.absent-hours"));
                continue;
            }
            months.add(JalaliMonth.of(day));
            rows.add(attendance(p.id, day, d.status(), hours == null ? 0 : hours, grant.username()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        for (JalaliMonth month : months) {
            if (issued(p.id, month).isPresent()) {
                throw ProblemException.conflict("placement-month-issued", month.toString());
            }
        }
        Placement.getEntityManager().lock(p, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Instant now = Instant.now(clock);
        List<Attendance> saved = rows.stream().map(a -> upsert(a, now)).toList();
        access.audit(grant, AuditEvent.of("placement-attendance.record", RESOURCE, beneficiaryId)
            .withDetail("placementId", p.id).withDetail("days", saved.size()));
        return new RecordedAttendance(saved, p.version);
    }

    /** Her recorded days, in order; of one Jalali month when {@code month} is given. */
    @Transactional
    public List<Attendance> attendance(UUID beneficiaryId, UUID placementId, JalaliMonth month,
            String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement-attendance.read", breakGlassReason);
        Placement p = placement(beneficiaryId, placementId);
        List<Attendance> days = month == null
            ? Attendance.list("key.placementId = ?1 order by key.day", p.id)
            : Attendance.list("key.placementId = ?1 and key.day between ?2 and ?3 order by key.day", p.id,
                month.firstDay(), month.lastDay());
        access.audit(grant, AuditEvent.of("placement-attendance.read", RESOURCE, beneficiaryId)
            .withDetail("placementId", p.id).withDetail("days", days.size()));
        return days;
    }

    /** One month's statement: the issued one, or else a draft from the attendance recorded so far. */
    @Transactional
    public PlacementDtos.StatementView statement(UUID beneficiaryId, UUID placementId, JalaliMonth month,
            String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement-statement.read", breakGlassReason);
        Placement p = placement(beneficiaryId, placementId);
        PlacementDtos.StatementView view = issued(p.id, month).map(PlacementDtos.StatementView::issued)
            .orElseGet(() -> PlacementDtos.StatementView.draft(p, compute(p, month)));
        access.audit(grant, AuditEvent.of("placement-statement.read", RESOURCE, beneficiaryId)
            .withDetail("placementId", p.id).withDetail("month", month).withDetail("issued", view.issued()));
        return view;
    }

    @Transactional
    public List<PlacementStatement> statements(UUID beneficiaryId, UUID placementId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement-statement.list", breakGlassReason);
        Placement p = placement(beneficiaryId, placementId);
        List<PlacementStatement> found = PlacementStatement.list("placementId = ?1 order by jalaliMonth", p.id);
        access.audit(grant, AuditEvent.of("placement-statement.list", RESOURCE, beneficiaryId)
            .withDetail("placementId", p.id).withDetail("count", found.size()));
        return found;
    }

    /**
     * Issues a month's statement for the Prisons Organisation: once the month (or the placement) is over,
     * once per month. The month's attendance is frozen from then on.
     */
    @Transactional
    public PlacementStatement issue(UUID beneficiaryId, UUID placementId, JalaliMonth month,
            String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "placement-statement.issue", breakGlassReason);
        Placement p = placement(beneficiaryId, placementId);
        MonthlyStatement s = compute(p, month);
        if (!s.lastDay().isBefore(today())) {
            throw ProblemException.conflict("placement-month-open", month.toString());
        }
        if (issued(p.id, month).isPresent()) {
            throw ProblemException.conflict("placement-statement-issued", month.toString());
        }
        PlacementStatement statement = PlacementStatement.issue(p, s, grant.username(), Instant.now(clock));
        statement.persist();
        access.audit(grant, AuditEvent.of("placement-statement.issue", RESOURCE, beneficiaryId)
            .withDetail("placementId", p.id).withDetail("statementId", statement.id).withDetail("month", month));
        return statement;
    }

    private static MonthlyStatement compute(Placement p, JalaliMonth month) {
        if (month.lastDay().isBefore(p.startedOn) || (p.endedOn != null && month.firstDay().isAfter(p.endedOn))) {
            throw ProblemException.invalid("month", "validation.placement.month-outside");
        }
        List<Attendance> days = Attendance.list("key.placementId = ?1 and key.day between ?2 and ?3", p.id,
            month.firstDay(), month.lastDay());
        return MonthlyStatement.of(p, month, days);
    }

    private static Optional<PlacementStatement> issued(UUID placementId, JalaliMonth month) {
        return PlacementStatement.find("placementId = ?1 and jalaliMonth = ?2", placementId, month.toString())
            .firstResultOptional();
    }

    /** Whether she is in the conditionally-released-prisoner cohort on {@code day}. */
    private static boolean eligible(UUID beneficiaryId, LocalDate day) {
        return CohortMembership.count("beneficiaryId = ?1 and cohortCode = ?2 and since <= ?3 "
            + "and (endedOn is null or endedOn >= ?3)", beneficiaryId, CohortDefinition.PRISON_RELEASE, day) > 0;
    }

    /** Her placement, or the same 404 as for any missing record. */
    private static Placement placement(UUID beneficiaryId, UUID placementId) {
        return Placement.<Placement>findByIdOptional(placementId).filter(p -> p.beneficiaryId.equals(beneficiaryId))
            .orElseThrow(() -> ProblemException.notFound("placement", placementId));
    }

    private static Attendance attendance(UUID placementId, LocalDate day, Attendance.Status status, int hours,
            String by) {
        Attendance a = new Attendance();
        a.key = new Attendance.Key(placementId, day);
        a.status = status;
        a.hours = (short) hours;
        a.recordedBy = by;
        return a;
    }

    private static Attendance upsert(Attendance given, Instant now) {
        Attendance a = Attendance.<Attendance>findByIdOptional(given.key).orElse(null);
        if (a == null) {
            given.recordedAt = now;
            given.persist();
            return given;
        }
        a.status = given.status;
        a.hours = given.hours;
        a.recordedBy = given.recordedBy;
        a.recordedAt = now;
        return a;
    }

    private LocalDate today() {
        return Instant.now(clock).atZone(Tehran.ZONE).toLocalDate();
    }

    /**
     * Two records of one woman were merged: her placements, their attendance and her issued statements go to
     * the survivor, and from then on are read through the survivor (by the survivor's assigned caseworker).
     * One woman works in one unit at a time, so two open placements are refused (409) until one is ended;
     * nothing is announced, as placement events never name her.
     */
    void onMerged(@Observes BeneficiariesMerged merged) {
        List<Placement> hers = Placement.list("beneficiaryId", merged.loserId());
        if (hers.isEmpty()) {
            return;
        }
        if (hers.stream().anyMatch(Placement::isOpen)
                && Placement.count("beneficiaryId = ?1 and endedOn is null", merged.survivorId()) > 0) {
            throw ProblemException.conflict("merge-placements-open");
        }
        hers.forEach(p -> p.beneficiaryId = merged.survivorId());
        PlacementStatement.<PlacementStatement>list("beneficiaryId", merged.loserId())
            .forEach(st -> st.beneficiaryId = merged.survivorId());
    }
}
