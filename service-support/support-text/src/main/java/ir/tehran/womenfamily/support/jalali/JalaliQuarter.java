package ir.tehran.womenfamily.support.jalali;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quarter of a Jalali year (Farvardin–Khordad is the first), the one way the system names and bounds one: its
 * label {@code 1404-Q3} and its first and last Gregorian day, both included. Figures count by it.
 */
public record JalaliQuarter(int year, int quarter) {

    public JalaliQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a Jalali year has four quarters: " + quarter);
        }
    }

    /** The quarter a day falls in. */
    public static JalaliQuarter of(LocalDate day) {
        JalaliDate d = JalaliDate.of(day);
        return new JalaliQuarter(d.year(), (d.month() - 1) / 3 + 1);
    }

    /** The quarters that meet the days from {@code from} to {@code to}, in order (none when {@code to} comes first). */
    public static List<JalaliQuarter> between(LocalDate from, LocalDate to) {
        List<JalaliQuarter> quarters = new ArrayList<>();
        if (to.isBefore(from)) {
            return quarters;
        }
        for (JalaliQuarter q = of(from); !q.first().isAfter(to); q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }

    /** {@code 1404-Q3}. */
    public String label() {
        return String.format(Locale.ROOT, "%d-Q%d", year, quarter);
    }

    /** Its first day: the first of its first month. */
    public LocalDate first() {
        return new JalaliDate(year, quarter * 3 - 2, 1).toGregorian();
    }

    /** Its last day: the last of its third month. */
    public LocalDate last() {
        return new JalaliDate(year, quarter * 3, JalaliDate.monthLength(year, quarter * 3)).toGregorian();
    }

    /** The quarter after it. */
    public JalaliQuarter next() {
        return quarter == 4 ? new JalaliQuarter(year + 1, 1) : new JalaliQuarter(year, quarter + 1);
    }
}
