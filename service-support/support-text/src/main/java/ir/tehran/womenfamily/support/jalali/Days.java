package ir.tehran.womenfamily.support.jalali;

import ir.tehran.womenfamily.support.time.Tehran;
import java.time.Instant;
import java.time.LocalDate;


/**
 * Dates going out: every ISO day or instant an answer or an event carries has its Jalali form beside it,
 * {@code x} and {@code xJalali}. Dates coming in are read by {@link DateInput}.
 */
public final class Days {

    private Days() {
    }

    /** The Jalali form of a day: {@code 1402-12-16}, or null for null. */
    public static String jalali(LocalDate date) {
        return date == null ? null : JalaliDate.of(date).toString();
    }

    /** The Jalali form of the Tehran day of an instant, or null for null. */
    public static String jalali(Instant instant) {
        return instant == null ? null : jalali(Tehran.dayOf(instant));
    }
}
