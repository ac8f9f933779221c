package ir.tehran.womenfamily.registry.work.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.registry.work.WorkingDays;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A production order (سفارش تولید) from a municipal department to the Kowsar centres: what to make, by
 * when, and where it stands. Items, the split across centres, hours, deliveries and payouts are rows of
 * their own keyed by the order's id.
 */
@Entity
@Table(name = "production_order")
public class ProductionOrder extends PanacheEntityBase {

    public static final String AGGREGATE = "production-order";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String department;

    @Column(name = "department_reference")
    public String departmentReference;

    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "wage_pool_rials")
    public Long wagePoolRials;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Version
    public long version;

    /** The days it is made in: from its start to its due date. */
    public WorkingDays.Range window() {
        return new WorkingDays.Range(startDate, dueDate);
    }

    /** Moves to {@code target}, or a 409 {@code illegal-transition}; the transition to keep and the event. */
    public OrderTransition moveTo(OrderState target, String by, Instant now) {
        if (!state.canMoveTo(target)) {
            throw ProblemException.conflict("illegal-transition", state, target);
        }
        state = target;
        updatedAt = now;
        return OrderTransition.of(id, target, by, now);
    }

    /** The event reporting its state (after a creation or a transition). */
    public DomainEvent stateChanged(OrderState previous, Totals totals, List<CentreUnits> centres, Instant at) {
        return DomainEvent.of(AGGREGATE, id, "production-order.state-changed", 1,
            new StateChanged(id, department, state, previous, startDate, Days.jalali(startDate), dueDate,
                Days.jalali(dueDate), totals.units(), totals.valueRials(), centres, wagePoolRials, at));
    }

    /** An order's size and worth. */
    public record Totals(long units, long valueRials) {
    }

    /** Units of the order at one centre. */
    public record CentreUnits(UUID centreId, long units) {
    }

    /**
     * Payload of {@code production-order.state-changed} v1: the order's state and what the centres and the
     * ordering department need to plan; never the women who work on it.
     */
    public record StateChanged(UUID orderId, String department, OrderState state, OrderState previousState,
            LocalDate startDate, String startDateJalali, LocalDate dueDate, String dueDateJalali, long totalUnits,
            long totalValueRials, List<CentreUnits> centres, Long wagePoolRials, Instant changedAt) {
    }
}
