package ir.tehran.womenfamily.registry.access;

import java.time.LocalDate;

import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.problem.ProblemException;

/** Reading request fields that Bean Validation cannot check alone, with a 400 naming the field. */
public final class Inputs {

    private Inputs() {
    }

    /** A day as {@link DateInput#required} reads it, and not after today in Tehran. */
    public static LocalDate pastDay(String field, String text, LocalDate today) {
        LocalDate day = DateInput.required(field, text);
        if (day.isAfter(today)) {
            throw ProblemException.invalid(field, "validation.date-in-future");
        }
        return day;
    }
}
