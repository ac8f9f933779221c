package ir.tehran.womenfamily.sponsorship.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.jalali.DateInput;

/**
 * Dates in and out of the API: every date field {@code x} has a twin {@code xJalali}; a client may send
 * either or both (both must name the same day), and always gets both back.
 */
public final class Dates {

    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final int SMALLEST_GREGORIAN_YEAR = 1900;

    private Dates() {
    }

    /** Today in Tehran. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(TEHRAN));
    }

    /** The Jalali form {@code 1402-12-16}, or null. */
    public static String jalali(LocalDate date) {
        return date == null ? null : JalaliDate.of(date).toString();
    }

    /** A date in a query parameter, ISO or Jalali (Persian digits too); 400 naming the parameter when wrong. */
    public static LocalDate parseAny(String field, String text) {
        try {
            return DateInput.parse(PersianText.latinDigits(text.strip()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ProblemException.invalid(field, "validation.jalali-date");
        }
    }

    /** A required date from its ISO and Jalali fields; 400 naming the field when missing or wrong. */
    public static LocalDate required(LocalDate iso, String jalali, String field) {
        LocalDate d = optional(iso, jalali, field);
        if (d == null) {
            throw ProblemException.invalid(field, "validation.required");
        }
        return d;
    }

    /** An optional date from its ISO and Jalali fields; null when neither is given. */
    public static LocalDate optional(LocalDate iso, String jalali, String field) {
        if (iso != null && iso.getYear() < SMALLEST_GREGORIAN_YEAR) {
            throw ProblemException.invalid(field, "validation.iso-date-looks-jalali", field + "Jalali");
        }
        LocalDate fromJalali = null;
        if (jalali != null && !jalali.isBlank()) {
            try {
                fromJalali = JalaliDate.parse(jalali).toGregorian();
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ProblemException.invalid(field + "Jalali", "validation.jalali-date");
            }
        }
        if (iso != null && fromJalali != null && !iso.equals(fromJalali)) {
            throw ProblemException.invalid(field + "Jalali", "validation.dates-disagree", field);
        }
        return iso != null ? iso : fromJalali;
    }
}
