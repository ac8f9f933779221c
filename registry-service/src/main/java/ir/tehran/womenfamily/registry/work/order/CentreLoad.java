package ir.tehran.womenfamily.registry.work.order;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ir.tehran.womenfamily.registry.work.WorkingDays;

/**
 * What a centre can still take over a range of days. Its capacity is its daily output (pieces per
 * working day) times the working days of the range that are not under renovation. Each order that holds
 * capacity there loads it with its units spread evenly over the working days of its own window
 * (start to due date); the part of that window inside the range counts, rounded up.
 *
 * <p>Capacity is a daily output, so one more order is judged day by day as well: spread evenly over the
 * range, it may add to each working day only what the busiest day has left ({@link Result#orderRoomUnits}).
 * A short order that fills a few days leaves that much less to a longer order over the same days, even when
 * the range as a whole still has room.
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

    /**
     * The outcome: capacity, load and what remains, in pieces; {@code peakDailyLoad} is the load of the busiest
     * working day of the range (pieces, possibly fractional), and {@code orderRoomUnits} the most pieces one more
     * order spread evenly over the range's working days can take without any day going over the daily output
     * (none when a renovation falls in the range, and never more than {@code remainingUnits}).
     */
    public record Result(long workingDays, long renovationDays, long capacityUnits, long bookedUnits,
            long remainingUnits, List<Share> shares, double peakDailyLoad, long orderRoomUnits) {
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
        long remaining = Math.max(0, capacity - booked);
        double peak = peakDailyLoad(range, bookings);
        long room = blocked > 0 || working == 0 ? 0
            : Math.min(remaining, (long) Math.floor(Math.max(0, dailyCapacity - peak) * working + 1e-6));
        return new Result(working, blocked, capacity, booked, remaining, shares, peak, room);
    }

    /** The most any working day of the range is loaded: each order adds its units over its working days. */
    static double peakDailyLoad(WorkingDays.Range range, List<Booking> bookings) {
        double peak = 0;
        for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.FRIDAY) {
                continue;
            }
            double load = 0;
            for (Booking b : bookings) {
                long windowDays = b.window().workingDays();
                if (windowDays > 0 && !d.isBefore(b.window().from()) && !d.isAfter(b.window().to())) {
                    load += (double) b.units() / windowDays;
                }
            }
            peak = Math.max(peak, load);
        }
        return peak;
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
