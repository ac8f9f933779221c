package ir.tehran.womenfamily.registry.access;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;

/** Reading request fields that Bean Validation cannot check alone, with a 400 naming the field. */
public final class Inputs {

    private Inputs() {
    }

    /** A day in ISO or Jalali form (Latin or Persian digits), or a 400 naming {@code field}. */
    public static LocalDate day(String field, String text) {
        try {
            return Days.parseDate(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "validation.date");
        }
    }

    /** Like {@link #day(String, String)}, and not after today in Tehran. */
    public static LocalDate pastDay(String field, String text, LocalDate today) {
        LocalDate day = day(field, text);
        if (day.isAfter(today)) {
            throw ProblemException.invalid(field, "validation.date-in-future");
        }
        return day;
    }
}
