package ir.tehran.womenfamily.registry.work.order;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a centre can still take over a range of days. Its capacity is its daily output (pieces per
 * working day) times the working days of the range that are not under renovation. Each order that holds
 * capacity there loads it with its units spread evenly over the working days of its own window
 * (start to due date); the part of that window inside the range counts, rounded up.
 */
public final class CentreLoad {

    private CentreLoad() {
    }

    /** Units of an order booked at the centre over the order's window. */
    public record Booking(UUID orderId, long units, WorkingDays.Range window) {
    }

    /** The load of one order over the range asked about. */
    public record Share(UUID orderId, long units) {
    }

    /** The outcome: capacity, load and what remains, in pieces. */
    public record Result(long workingDays, long renovationDays, long capacityUnits, long bookedUnits,
            long remainingUnits, List<Share> shares) {
    }

    public static Result over(WorkingDays.Range range, int dailyCapacity, List<WorkingDays.Range> renovations,
            List<Booking> bookings) {
        long working = range.workingDays();
        long blocked = 0;
        for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.FRIDAY && covered(d, renovations)) {
                blocked++;
            }
        }
        long capacity = (long) dailyCapacity * (working - blocked);
        long booked = 0;
        List<Share> shares = new ArrayList<>();
        for (Booking b : bookings) {
            WorkingDays.Range common = range.intersect(b.window());
            long windowDays = b.window().workingDays();
            if (common == null || windowDays == 0) {
                continue;
            }
            long share = ceilDiv(b.units() * common.workingDays(), windowDays);
            if (share > 0) {
                shares.add(new Share(b.orderId(), share));
                booked += share;
            }
        }
        return new Result(working, blocked, capacity, booked, Math.max(0, capacity - booked), shares);
    }

    private static boolean covered(LocalDate day, List<WorkingDays.Range> periods) {
        for (WorkingDays.Range p : periods) {
            if (!day.isBefore(p.from()) && !day.isAfter(p.to())) {
                return true;
            }
        }
        return false;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
