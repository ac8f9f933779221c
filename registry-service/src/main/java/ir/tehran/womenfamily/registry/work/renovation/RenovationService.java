package ir.tehran.womenfamily.registry.work.renovation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import ir.tehran.womenfamily.registry.centre.WorkshopCentre;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Renovation plans of the centres. A renovation's days are closed to production: a plan cannot overlap
 * another of the same centre, nor the window of an order already accepted or in production there (409
 * {@code renovation-clashes-with-orders}, naming the orders). The centre's own {@code renovationState}
 * follows its plans.
 */
@ApplicationScoped
public class RenovationService {

    static final String RESOURCE = "centre-renovation";

    @Inject
    EntityManager em;

    @Inject
    OrdersOnCentre ordersOnCentre;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Renovation plan(RenovationDtos.NewRenovation n, String by) {
        WorkshopCentre centre = lockCentre(n.centreId(), "centreId");
        checkDates(n.startsOn(), n.endsOn());
        checkFree(centre, null, n.startsOn(), n.endsOn());
        Instant now = Instant.now(clock);
        Renovation r = new Renovation();
        r.id = UUID.randomUUID();
        r.centreId = centre.id;
        r.plan = PersianText.normalize(n.plan());
        r.budgetRials = n.budgetRials();
        r.state = RenovationState.PLANNED;
        r.startsOn = n.startsOn();
        r.endsOn = n.endsOn();
        r.createdBy = by;
        r.createdAt = now;
        r.updatedAt = now;
        r.persist();
        syncCentre(centre);
        audit.record(AuditEvent.of("renovation.plan", RESOURCE, r.id).withDetail("centreId", centre.id));
        return r;
    }

    @Transactional
    public Optional<Renovation> find(UUID id) {
        return Renovation.findByIdOptional(id);
    }

    @Transactional
    public List<Renovation> list(UUID centreId, RenovationState state) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (centreId != null) {
            q.append(" and centreId = :centre");
            p.and("centre", centreId);
        }
        if (state != null) {
            q.append(" and state = :state");
            p.and("state", state);
        }
        return Renovation.list(q + " order by startsOn, id", p);
    }

    @Transactional
    public Renovation update(UUID id, long expectedVersion, RenovationDtos.RenovationChange c) {
        Renovation r = get(id);
        if (r.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (!r.state.editable()) {
            throw ProblemException.conflict("renovation-closed", r.state);
        }
        WorkshopCentre centre = lockCentre(r.centreId, "centreId");
        LocalDate starts = c.startsOn() != null ? c.startsOn() : r.startsOn;
        LocalDate ends = c.endsOn() != null ? c.endsOn() : r.endsOn;
        checkDates(starts, ends);
        checkFree(centre, r.id, starts, ends);
        r.startsOn = starts;
        r.endsOn = ends;
        if (c.plan() != null) {
            r.plan = PersianText.normalize(c.plan());
        }
        if (c.budgetRials() != null) {
            r.budgetRials = c.budgetRials();
        }
        r.updatedAt = Instant.now(clock);
        em.flush();
        audit.record(AuditEvent.of("renovation.update", RESOURCE, r.id));
        return r;
    }

    /**
     * PLANNED → IN_PROGRESS (work began {@code on}, default today: the closed days start then) → DONE (work
     * ended {@code on}, default today: the closed days end then); PLANNED → CANCELLED frees its days.
     */
    @Transactional
    public Renovation move(UUID id, Long expectedVersion, RenovationState to, LocalDate on) {
        Renovation r = get(id);
        if (expectedVersion != null && r.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (!r.state.canMoveTo(to)) {
            throw ProblemException.conflict("illegal-transition", r.state, to);
        }
        WorkshopCentre centre = lockCentre(r.centreId, "centreId");
        LocalDate day = on != null ? on : Tehran.today(clock);
        RenovationState from = r.state;
        if (to == RenovationState.IN_PROGRESS) {
            LocalDate ends = r.endsOn.isBefore(day) ? day : r.endsOn;
            checkFree(centre, r.id, day, ends);
            r.startsOn = day;
            r.endsOn = ends;
        } else if (to == RenovationState.DONE) {
            if (day.isBefore(r.startsOn)) {
                throw ProblemException.invalid("on", "validation.renovation.ends-before-start");
            }
            if (day.isAfter(r.endsOn)) {
                checkFree(centre, r.id, r.startsOn, day);
            }
            r.endsOn = day;
        }
        r.state = to;
        r.updatedAt = Instant.now(clock);
        em.flush();
        syncCentre(centre);
        audit.record(AuditEvent.of("renovation.move", RESOURCE, r.id).withDetail("from", from).withDetail("to", to));
        return r;
    }

    /** The renovation, locked until the transaction ends (then its centre: always in this order). */
    private Renovation get(UUID id) {
        Renovation r = em.find(Renovation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("renovation", id);
        }
        return r;
    }

    private WorkshopCentre lockCentre(UUID id, String field) {
        WorkshopCentre c = em.find(WorkshopCentre.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.invalid(field, "validation.unknown-centre");
        }
        return c;
    }

    private static void checkDates(LocalDate starts, LocalDate ends) {
        if (ends.isBefore(starts)) {
            throw ProblemException.invalid("endsOn", "validation.renovation.ends-before-start");
        }
    }

    /** No other renovation of the centre and no order holding capacity there may fall in these days. */
    private void checkFree(WorkshopCentre centre, UUID self, LocalDate starts, LocalDate ends) {
        long overlapping = Renovation.count("centreId = ?1 and state <> ?2 and id <> ?3 and startsOn <= ?4 "
            + "and endsOn >= ?5", centre.id, RenovationState.CANCELLED, self == null ? new UUID(0, 0) : self, ends,
            starts);
        if (overlapping > 0) {
            throw ProblemException.conflict("renovation-overlaps", centre.code);
        }
        List<UUID> orders = ordersOnCentre.holdingCapacity(centre.id, starts, ends);
        if (!orders.isEmpty()) {
            throw ProblemException.conflict("renovation-clashes-with-orders", centre.code, orders.size())
                .with("orders", orders);
        }
    }

    /** The centre's summary state: in progress if any is, else planned, else done; untouched without plans. */
    private static void syncCentre(WorkshopCentre centre) {
        List<Renovation> all = Renovation.list("centreId", centre.id);
        WorkshopCentre.Renovation summary = null;
        for (RenovationState s : List.of(RenovationState.IN_PROGRESS, RenovationState.PLANNED, RenovationState.DONE)) {
            if (summary == null && all.stream().anyMatch(r -> r.state == s)) {
                summary = s.centreState();
            }
        }
        centre.renovationState = summary != null ? summary
            : centre.renovationState == WorkshopCentre.Renovation.DONE ? centre.renovationState
            : WorkshopCentre.Renovation.NOT_PLANNED;
    }
}
