package ir.tehran.womenfamily.bazaar.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.problem.ProblemException;

/** Dates in and out: ISO ({@code 2024-03-06}) and Jalali ({@code 1402-12-16}) side by side. */
public final class Dates {

    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private Dates() {
    }

    public static String jalali(LocalDate date) {
        return date == null ? null : JalaliDate.of(date).toString();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(TEHRAN));
    }

    /**
     * One date given as ISO, as Jalali, or as both (which must agree). {@code field} names the ISO field in
     * errors; the Jalali one is {@code field + "Jalali"}. Null when neither was given.
     */
    public static LocalDate either(String field, LocalDate iso, String jalali) {
        LocalDate fromJalali = null;
        if (jalali != null && !jalali.isBlank()) {
            try {
                fromJalali = JalaliDate.parse(jalali).toGregorian();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid(field + "Jalali", "validation.jalali-date");
            }
        }
        if (iso != null && fromJalali != null && !iso.equals(fromJalali)) {
            throw ProblemException.invalid(field + "Jalali", "validation.dates-disagree", field);
        }
        return iso != null ? iso : fromJalali;
    }

    public static LocalDate required(String field, LocalDate iso, String jalali) {
        LocalDate d = either(field, iso, jalali);
        if (d == null) {
            throw ProblemException.invalid(field, "validation.required");
        }
        return d;
    }

    /** A day given as ISO or Jalali text (as in a list of days): {@code 2024-03-06} or {@code ۱۴۰۲-۱۲-۱۶}. */
    public static LocalDate parseAny(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "validation.required");
        }
        String s = ir.tehran.womenfamily.support.persian.PersianText.latinDigits(text.strip());
        try {
            int year = Integer.parseInt(s.substring(0, 4));
            if (year < 1700) {
                return JalaliDate.parse(s).toGregorian();
            }
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            throw ProblemException.invalid(field, "validation.date");
        }
    }
}
