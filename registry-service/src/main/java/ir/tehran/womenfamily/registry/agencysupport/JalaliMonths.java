package ir.tehran.womenfamily.registry.agencysupport;

import java.time.LocalDate;

import ir.tehran.womenfamily.support.jalali.JalaliDate;

/**
 * A run of whole Jalali months, from the month of {@code from} to the month of {@code to}, both included: any day
 * of a month stands for the whole month. Pure arithmetic over {@link JalaliDate}.
 */
public record JalaliMonths(int fromYear, int fromMonth, int toYear, int toMonth) {

    public JalaliMonths {
        if (fromYear * 12 + fromMonth > toYear * 12 + toMonth) {
            throw new IllegalArgumentException("the last month comes before the first");
        }
    }

    /** The months of the two days (in either calendar's {@link LocalDate}); throws when {@code to} is earlier. */
    public static JalaliMonths of(LocalDate from, LocalDate to) {
        JalaliDate f = JalaliDate.of(from);
        JalaliDate t = JalaliDate.of(to);
        return new JalaliMonths(f.year(), f.month(), t.year(), t.month());
    }

    /** Whether the month of {@code to} comes before the month of {@code from}. */
    public static boolean reversed(LocalDate from, LocalDate to) {
        JalaliDate f = JalaliDate.of(from);
        JalaliDate t = JalaliDate.of(to);
        return f.year() * 12 + f.month() > t.year() * 12 + t.month();
    }

    public LocalDate firstDay() {
        return new JalaliDate(fromYear, fromMonth, 1).toGregorian();
    }

    public LocalDate lastDay() {
        return new JalaliDate(toYear, toMonth, JalaliDate.monthLength(toYear, toMonth)).toGregorian();
    }

    /** How many months, both ends included. */
    public int months() {
        return (toYear * 12 + toMonth) - (fromYear * 12 + fromMonth) + 1;
    }

    /** The months both runs share (0 when they do not meet). */
    public int overlap(JalaliMonths other) {
        int start = Math.max(fromYear * 12 + fromMonth, other.fromYear * 12 + other.fromMonth);
        int end = Math.min(toYear * 12 + toMonth, other.toYear * 12 + other.toMonth);
        return Math.max(0, end - start + 1);
    }

    /** {@code 1403-01}. */
    public String fromText() {
        return String.format("%04d-%02d", fromYear, fromMonth);
    }

    /** {@code 1403-06}. */
    public String toText() {
        return String.format("%04d-%02d", toYear, toMonth);
    }
}
