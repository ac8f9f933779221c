package ir.tehran.womenfamily.support.jalali;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import ir.tehran.womenfamily.support.persian.PersianText;

/**
 * A date of the Solar Hijri (Jalali) calendar, the calendar people in Iran read and write. Conversion
 * is ICU4J's Persian calendar ({@code fa_IR@calendar=persian}); dates are accepted for the years 1300 to
 * 1500 AP (1921 to 2121), where it agrees with the official calendar.
 */
public record JalaliDate(int year, int month, int day) implements Comparable<JalaliDate> {

    public static final int MIN_YEAR = 1300;
    public static final int MAX_YEAR = 1500;
    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    public JalaliDate {
        if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1
                || day > monthLength(year, month)) {
            throw new IllegalArgumentException("not a Jalali date: " + year + "-" + month + "-" + day);
        }
    }

    /** Parses {@code 1402-12-16} or {@code 1402/12/16}, with Latin, Persian or Arabic-Indic digits. */
    public static JalaliDate parse(String text) {
        String s = PersianText.latinDigits(text == null ? "" : text.strip());
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new DateTimeParseException("expected a Jalali date such as 1402-12-16", s, 0);
        }
        try {
            return new JalaliDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new DateTimeParseException(e.getMessage(), s, 0);
        }
    }

    /**
     * A date written in either calendar: {@code 2024-03-06} (ISO) or {@code 1402-12-16} (Jalali, any
     * digits, {@code -} or {@code /}). A year below 1700 is read as Jalali.
     */
    public static LocalDate parseEither(String text) {
        String s = PersianText.latinDigits(text == null ? "" : text.strip());
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new DateTimeParseException("expected 2024-03-06 or 1402-12-16", s, 0);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1700) {
            return parse(s).toGregorian();
        }
        try {
            return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException(e.getMessage(), s, 0);
        }
    }

    /** The Jalali form of a Gregorian date, or null for null. */
    public static String format(LocalDate date) {
        return date == null ? null : of(date).toString();
    }

    public static JalaliDate of(LocalDate date) {
        Calendar c = calendar();
        c.setTimeInMillis(date.toEpochDay() * MILLIS_PER_DAY);
        return new JalaliDate(c.get(Calendar.EXTENDED_YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH));
    }

    public LocalDate toGregorian() {
        Calendar c = calendar();
        c.clear();
        c.set(Calendar.EXTENDED_YEAR, year);
        c.set(Calendar.MONTH, month - 1);
        c.set(Calendar.DAY_OF_MONTH, day);
        return LocalDate.ofEpochDay(Math.floorDiv(c.getTimeInMillis(), MILLIS_PER_DAY));
    }

    public static boolean isLeapYear(int year) {
        return monthLength(year, 12) == 30;
    }

    public static int monthLength(int year, int month) {
        if (month <= 6) {
            return 31;
        }
        if (month <= 11) {
            return 30;
        }
        Calendar c = calendar();
        c.clear();
        c.set(Calendar.EXTENDED_YEAR, year);
        c.set(Calendar.MONTH, 11);
        c.set(Calendar.DAY_OF_MONTH, 1);
        return c.getActualMaximum(Calendar.DAY_OF_MONTH);
    }

    public JalaliDate plusDays(long days) {
        return of(toGregorian().plusDays(days));
    }

    @Override
    public int compareTo(JalaliDate o) {
        return toGregorian().compareTo(o.toGregorian());
    }

    /** ISO-like {@code yyyy-MM-dd} with Latin digits whatever the default locale: {@code 1402-12-16}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    /** ICU calendars are costly to make and not thread-safe: one per thread, cleared before each use. */
    private static final ThreadLocal<Calendar> CALENDARS = ThreadLocal.withInitial(() -> {
        Calendar c = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN);
        c.setLenient(false);
        return c;
    });

    private static Calendar calendar() {
        Calendar c = CALENDARS.get();
        c.clear();
        return c;
    }
}
