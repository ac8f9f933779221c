package ir.tehran.womenfamily.support.jalali;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ir.tehran.womenfamily.support.persian.PersianText;

/**
 * A date of the Solar Hijri (Jalali) calendar, the calendar people in Iran read and write. Conversion
 * uses the arithmetic of Borkowski's algorithm (as in jalaali-js), which agrees with the official
 * astronomical calendar for the years 1178 to 1633 AP.
 */
public record JalaliDate(int year, int month, int day) implements Comparable<JalaliDate> {

    private static final int[] BREAKS = {-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
        2192, 2262, 2324, 2394, 2456, 3178};
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");

    public JalaliDate {
        if (year < 1178 || year > 1633 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
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

    public static JalaliDate of(LocalDate date) {
        int gy = date.getYear();
        int jy = gy - 621;
        Leap r = leap(jy);
        int jdn1f = gregorianToJdn(gy, 3, r.march());
        int jdn = gregorianToJdn(gy, date.getMonthValue(), date.getDayOfMonth());
        int k = jdn - jdn1f;
        if (k >= 0) {
            if (k <= 185) {
                return new JalaliDate(jy, 1 + k / 31, k % 31 + 1);
            }
            k -= 186;
        } else {
            jy -= 1;
            k += 179;
            if (r.leap() == 1) {
                k += 1;
            }
        }
        return new JalaliDate(jy, 7 + k / 30, k % 30 + 1);
    }

    public LocalDate toGregorian() {
        Leap r = leap(year);
        int jdn = gregorianToJdn(r.gregorianYear(), 3, r.march()) + (month - 1) * 31 - month / 7 * (month - 7)
            + day - 1;
        return LocalDate.ofEpochDay(jdn - 2440588L);
    }

    public static boolean isLeapYear(int year) {
        return leap(year).leap() == 0;
    }

    public static int monthLength(int year, int month) {
        if (month <= 6) {
            return 31;
        }
        if (month <= 11) {
            return 30;
        }
        return isLeapYear(year) ? 30 : 29;
    }

    public JalaliDate plusDays(long days) {
        return of(toGregorian().plusDays(days));
    }

    @Override
    public int compareTo(JalaliDate o) {
        return toGregorian().compareTo(o.toGregorian());
    }

    /** ISO-like {@code yyyy-MM-dd} with Latin digits: {@code 1402-12-16}. */
    @Override
    public String toString() {
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    private record Leap(int leap, int gregorianYear, int march) {
    }

    /** Borkowski: the leap state of a Jalali year, its Gregorian year and the March day of its Nowruz. */
    private static Leap leap(int jy) {
        int bl = BREAKS.length;
        int gy = jy + 621;
        int leapJ = -14;
        int jp = BREAKS[0];
        int jump = 0;
        int jm;
        int i = 1;
        do {
            jm = BREAKS[i];
            jump = jm - jp;
            if (jy < jm) {
                break;
            }
            leapJ = leapJ + jump / 33 * 8 + (jump % 33) / 4;
            jp = jm;
            i++;
        } while (i < bl);
        int n = jy - jp;
        leapJ = leapJ + n / 33 * 8 + ((n % 33) + 3) / 4;
        if (jump % 33 == 4 && jump - n == 4) {
            leapJ += 1;
        }
        int leapG = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
        int march = 20 + leapJ - leapG;
        if (jump - n < 6) {
            n = n - jump + (jump + 4) / 33 * 33;
        }
        int leap = (((n + 1) % 33) - 1) % 4;
        if (leap == -1) {
            leap = 4;
        }
        return new Leap(leap, gy, march);
    }

    private static int gregorianToJdn(int gy, int gm, int gd) {
        long epochDay = LocalDate.of(gy, gm, 1).toEpochDay() + gd - 1;
        return (int) (epochDay + 2440588L);
    }
}
