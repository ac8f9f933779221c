package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One instalment of a confirmed pledge: due on a day, an amount in rials, what receipts paid into it and what was
 * cancelled when the pledge ended before it was paid.
 */
@Entity
@Table(name = "instalment")
public class Instalment extends PanacheEntityBase {

    /** Where an instalment stands on a given day. */
    @Schema(name = "InstalmentStatus")
    public enum Status {
        /** Paid in full. */
        PAID,
        /** Not (fully) paid and not yet past its due day. */
        DUE,
        /** Past its due day and not fully paid while the pledge is active. */
        OVERDUE,
        /** The pledge ended before it was paid; what was unpaid was released. */
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "pledge_id", nullable = false)
    public UUID pledgeId;

    @Column(nullable = false)
    public short number;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "amount_rials", nullable = false)
    public long amountRials;

    @Column(name = "paid_rials", nullable = false)
    public long paidRials;

    @Column(name = "cancelled_rials", nullable = false)
    public long cancelledRials;

    /** The day of the receipt that completed it. */
    @Column(name = "paid_on")
    public LocalDate paidOn;

    /** What is still to be paid (nothing once paid or cancelled). */
    public long openRials() {
        return amountRials - paidRials - cancelledRials;
    }

    /** Days past due while open (and not cancelled in part); 0 otherwise. */
    public long daysOverdue(LocalDate today) {
        return openRials() > 0 && cancelledRials == 0 && dueOn.isBefore(today)
            ? ChronoUnit.DAYS.between(dueOn, today) : 0;
    }

    public Status status(LocalDate today) {
        if (paidRials == amountRials) {
            return Status.PAID;
        }
        if (cancelledRials > 0) {
            return Status.CANCELLED;
        }
        return dueOn.isBefore(today) ? Status.OVERDUE : Status.DUE;
    }
}
