package ir.tehran.womenfamily.registry.work.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.registry.centre.WorkshopCentre;
import ir.tehran.womenfamily.registry.work.WorkingDays;
import ir.tehran.womenfamily.registry.work.renovation.Renovation;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Capacity and load of the centres: what each can still take over a range of days, the check that a
 * split of an order fits (no centre under renovation in the order's window, none over what it has left),
 * and a proposed split.
 */
@ApplicationScoped
public class CapacityService {

    /** The longest range one capacity question may cover. */
    public static final int MAX_RANGE_DAYS = 732;

    final EntityManager em;

    CapacityService(EntityManager em) {
        this.em = em;
    }

    /** A centre's capacity over {@code range}, without the load of {@code excludeOrder} (may be null). */
    @Transactional
    public Optional<OrderDtos.CapacityView> of(UUID centreId, WorkingDays.Range range, UUID excludeOrder) {
        return WorkshopCentre.<WorkshopCentre>findByIdOptional(centreId)
            .map(c -> view(c, range, load(c, range, excludeOrder)));
    }

    /** Every centre (or those of a district), most room first. */
    @Transactional
    public List<OrderDtos.CapacityView> all(WorkingDays.Range range, Short district) {
        return all(range, district, null);
    }

    private List<OrderDtos.CapacityView> all(WorkingDays.Range range, Short district, UUID excludeOrder) {
        List<WorkshopCentre> centres = district == null ? WorkshopCentre.listAll(Sort.by("code"))
            : WorkshopCentre.list("district", Sort.by("code"), district);
        Map<UUID, List<CentreLoad.Booking>> bookings = bookings(range, excludeOrder);
        Map<UUID, List<WorkingDays.Range>> renovations = renovations(range);
        List<OrderDtos.CapacityView> views = new ArrayList<>();
        for (WorkshopCentre c : centres) {
            CentreLoad.Result r = CentreLoad.over(range, c.capacity, renovations.getOrDefault(c.id, List.of()),
                bookings.getOrDefault(c.id, List.of()));
            views.add(view(c, range, r));
        }
        views.sort(Comparator.comparingLong(OrderDtos.CapacityView::remainingUnits).reversed()
            .thenComparing(OrderDtos.CapacityView::centreCode));
        return views;
    }

    /**
     * Refuses a split that a centre cannot take: 409 {@code centre-under-renovation} when a renovation
     * (not cancelled) falls in the order's window, 409 {@code centre-over-capacity} when the units exceed
     * what the centre has left there, judged day by day ({@link CentreLoad.Result#orderRoomUnits}). Locks the
     * centres (in id order, so two checks never deadlock) until the caller's transaction ends, so two orders
     * cannot both take the last of a centre's room.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(ProductionOrder order, Map<UUID, Integer> unitsByCentre) {
        WorkingDays.Range window = order.window();
        List<UUID> ids = new ArrayList<>(unitsByCentre.keySet());
        ids.sort(Comparator.naturalOrder());
        for (UUID id : ids) {
            WorkshopCentre centre = em.find(WorkshopCentre.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (centre == null) {
                throw ProblemException.invalid("allocations", "validation.unknown-centre");
            }
            List<Renovation> closed = Renovation.blocking(id, window);
            if (!closed.isEmpty()) {
                Renovation r = closed.get(0);
                throw ProblemException.conflict("centre-under-renovation", centre.code, Days.jalali(r.startsOn),
                    Days.jalali(r.endsOn)).with("centreId", id).with("renovationId", r.id);
            }
            CentreLoad.Result load = load(centre, window, order.id);
            int wanted = unitsByCentre.get(id);
            if (wanted > load.orderRoomUnits()) {
                throw ProblemException.conflict("centre-over-capacity", centre.code, wanted, load.orderRoomUnits())
                    .with("centreId", id).with("requestedUnits", wanted)
                    .with("remainingUnits", load.orderRoomUnits());
            }
        }
    }

    /**
     * A split of the order by the centres' room for it over its window, day by day: the centres with the most
     * room first, each taking all it can, so the order goes to as few centres as possible. Centres under
     * renovation in the window are left out. 409 {@code insufficient-capacity} when all of them together
     * cannot take it.
     */
    @Transactional
    public OrderDtos.Proposal propose(ProductionOrder order, long totalUnits, Short district) {
        WorkingDays.Range window = order.window();
        List<OrderDtos.ProposedShare> shares = new ArrayList<>();
        long left = totalUnits;
        long available = 0;
        Map<UUID, List<WorkingDays.Range>> renovations = renovations(window);
        for (OrderDtos.CapacityView c : all(window, district, order.id)) {
            if (renovations.containsKey(c.centreId()) || c.orderRoomUnits() <= 0) {
                continue;
            }
            available += c.orderRoomUnits();
            if (left > 0) {
                int take = (int) Math.min(left, c.orderRoomUnits());
                shares.add(new OrderDtos.ProposedShare(c.centreId(), c.centreCode(), c.centreName(), c.district(),
                    take, c.orderRoomUnits()));
                left -= take;
            }
        }
        if (left > 0) {
            throw ProblemException.conflict("insufficient-capacity", totalUnits, available)
                .with("requestedUnits", totalUnits).with("availableUnits", available);
        }
        return new OrderDtos.Proposal(order.id, window.from(), Days.jalali(window.from()), window.to(),
            Days.jalali(window.to()), totalUnits, shares);
    }

    CentreLoad.Result load(WorkshopCentre c, WorkingDays.Range range, UUID excludeOrder) {
        List<WorkingDays.Range> closed = Renovation.blocking(c.id, range).stream().map(Renovation::period).toList();
        List<CentreLoad.Booking> booked = bookings(range, excludeOrder).getOrDefault(c.id, List.of());
        return CentreLoad.over(range, c.capacity, closed, booked);
    }

    /** Units booked at each centre by the orders that hold capacity and overlap {@code range}. */
    private Map<UUID, List<CentreLoad.Booking>> bookings(WorkingDays.Range range, UUID excludeOrder) {
        List<Object[]> rows = em.createQuery("select a.centreId, a.orderId, a.units, o.startDate, o.dueDate "
                + "from Allocation a, ProductionOrder o where a.orderId = o.id and o.state in :states "
                + "and o.startDate <= :to and o.dueDate >= :from and o.id <> :exclude order by o.id", Object[].class)
            .setParameter("states", OrderState.holdingCapacity()).setParameter("to", range.to())
            .setParameter("from", range.from())
            .setParameter("exclude", excludeOrder == null ? new UUID(0, 0) : excludeOrder)
            .getResultList();
        Map<UUID, List<CentreLoad.Booking>> byCentre = new HashMap<>();
        for (Object[] r : rows) {
            byCentre.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new CentreLoad.Booking((UUID) r[1],
                ((Number) r[2]).longValue(), new WorkingDays.Range((LocalDate) r[3], (LocalDate) r[4])));
        }
        return byCentre;
    }

    private static Map<UUID, List<WorkingDays.Range>> renovations(WorkingDays.Range range) {
        Map<UUID, List<WorkingDays.Range>> byCentre = new LinkedHashMap<>();
        List<Renovation> all = Renovation.list("state <> ?1 and startsOn <= ?2 and endsOn >= ?3",
            ir.tehran.womenfamily.registry.work.renovation.RenovationState.CANCELLED, range.to(), range.from());
        for (Renovation r : all) {
            byCentre.computeIfAbsent(r.centreId, k -> new ArrayList<>()).add(r.period());
        }
        return byCentre;
    }

    private static OrderDtos.CapacityView view(WorkshopCentre c, WorkingDays.Range range, CentreLoad.Result r) {
        return new OrderDtos.CapacityView(c.id, c.code, c.name, c.district, c.capacity, range.from(),
            Days.jalali(range.from()), range.to(), Days.jalali(range.to()), r.workingDays(), r.renovationDays(),
            r.capacityUnits(), r.bookedUnits(), r.remainingUnits(),
            java.math.BigDecimal.valueOf(r.peakDailyLoad()).setScale(2, java.math.RoundingMode.HALF_UP),
            r.orderRoomUnits(), r.shares().stream().map(s -> new OrderDtos.OrderLoad(s.orderId(), s.units())).toList());
    }
}
