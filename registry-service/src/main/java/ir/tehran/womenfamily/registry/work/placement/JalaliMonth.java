package ir.tehran.womenfamily.registry.work.placement;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.persian.PersianText;

/** A month of the Solar Hijri calendar, written {@code 1403-07} (Latin or Persian digits, {@code -} or {@code /}). */
public record JalaliMonth(int year, int month) implements Comparable<JalaliMonth> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})[-/](\\d{1,2})");

    public JalaliMonth {
        if (year < JalaliDate.MIN_YEAR || year > JalaliDate.MAX_YEAR || month < 1 || month > 12) {
            throw new IllegalArgumentException("not a Jalali month: " + year + "-" + month);
        }
    }

    /** Parses {@code 1403-07}; an {@link IllegalArgumentException} when it is not a month. */
    public static JalaliMonth parse(String text) {
        String s = PersianText.latinDigits(text == null ? "" : text.strip());
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a Jalali month such as 1403-07");
        }
        return new JalaliMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The Jalali month a Gregorian day falls in. */
    public static JalaliMonth of(LocalDate day) {
        JalaliDate d = JalaliDate.of(day);
        return new JalaliMonth(d.year(), d.month());
    }

    public LocalDate firstDay() {
        return new JalaliDate(year, month, 1).toGregorian();
    }

    public LocalDate lastDay() {
        return new JalaliDate(year, month, JalaliDate.monthLength(year, month)).toGregorian();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    @Override
    public int compareTo(JalaliMonth o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(month, o.month);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04d-%02d", year, month);
    }
}
