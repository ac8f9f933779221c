package ir.tehran.womenfamily.registry.work;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days of the centres: every day but Friday (جمعه), the weekly day of rest in Iran. Official
 * holidays are not modelled; a centre's renovation days are taken off separately. In {@code work} itself, below
 * its sub-packages: production orders count them and renovations close a range of them.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** Working days from {@code from} to {@code to}, both included; zero when {@code to} is before {@code from}. */
    public static long between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return 0;
        }
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        long weeks = days / 7;
        long count = weeks * 6;
        LocalDate d = from.plusDays(weeks * 7);
        for (; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.FRIDAY) {
                count++;
            }
        }
        return count;
    }

    /** A closed range of days. */
    public record Range(LocalDate from, LocalDate to) {

        public Range {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("a range ends on or after its start");
            }
        }

        public boolean overlaps(Range other) {
            return !other.to.isBefore(from) && !other.from.isAfter(to);
        }

        /** The common part, or null when they do not overlap. */
        public Range intersect(Range other) {
            if (!overlaps(other)) {
                return null;
            }
            return new Range(from.isAfter(other.from) ? from : other.from, to.isBefore(other.to) ? to : other.to);
        }

        public long workingDays() {
            return between(from, to);
        }
    }
}
