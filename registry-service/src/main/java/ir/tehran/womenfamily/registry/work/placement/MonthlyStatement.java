package ir.tehran.womenfamily.registry.work.placement;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import ir.tehran.womenfamily.support.jalali.Days;

/**
 * A placement's attendance in one Jalali month, with the hours she worked and the wages they earned:
 * what the Prisons Organisation receives, and nothing else. A plain computation over the recorded days,
 * so it is tested without a database.
 *
 * @param month       the Jalali month
 * @param firstDay    the first day of the month that falls within the placement
 * @param lastDay     the last such day
 * @param days        the recorded days of the month, in order
 * @param wagesRials  hours worked × the hourly wage, in integer rials
 */
public record MonthlyStatement(JalaliMonth month, LocalDate firstDay, LocalDate lastDay, List<Day> days,
        int daysPresent, int daysAbsent, int daysExcused, int hoursWorked, long wagesRials) {

    /** One recorded day, in both calendars. */
    public record Day(LocalDate day, String dayJalali, Attendance.Status status, int hours) {
    }

    /** The statement of {@code month} from the placement's recorded attendance (other months' days are ignored). */
    public static MonthlyStatement of(Placement placement, JalaliMonth month, List<Attendance> attendance) {
        LocalDate first = max(month.firstDay(), placement.startedOn);
        LocalDate last = placement.endedOn == null ? month.lastDay() : min(month.lastDay(), placement.endedOn);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the placement does not cover " + month);
        }
        List<Day> days = attendance.stream()
            .filter(a -> !a.day().isBefore(first) && !a.day().isAfter(last))
            .sorted(Comparator.comparing(Attendance::day))
            .map(a -> new Day(a.day(), Days.jalali(a.day()), a.status, a.hours))
            .toList();
        int present = 0;
        int absent = 0;
        int excused = 0;
        int hours = 0;
        for (Day d : days) {
            switch (d.status()) {
                case PRESENT -> {
                    present++;
                    hours += d.hours();
                }
                case ABSENT -> absent++;
                case EXCUSED -> excused++;
                default -> throw new IllegalStateException("unknown status " + d.status());
            }
        }
        return new MonthlyStatement(month, first, last, days, present, absent, excused, hours,
            placement.wagesFor(hours));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
