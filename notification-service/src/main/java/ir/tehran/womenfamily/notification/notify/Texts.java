package ir.tehran.womenfamily.notification.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.time.Tehran;

/**
 * A notification's title and body in Persian and English, from {@code messages.properties} and
 * {@code messages_en.properties} ({@code notify.<what>.title}, {@code .body}). Dates go in as Jalali days to the
 * Persian text and ISO days to the English one; times as Tehran's wall clock.
 */
record Texts(String titleFa, String bodyFa, String titleEn, String bodyEn) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    static Texts of(String key, Object[] persianArgs, Object[] englishArgs) {
        return new Texts(Messages.get(Messages.PERSIAN, key + ".title"),
            Messages.get(Messages.PERSIAN, key + ".body", persianArgs),
            Messages.get(Messages.ENGLISH, key + ".title"),
            Messages.get(Messages.ENGLISH, key + ".body", englishArgs));
    }

    /** The Jalali day of an instant in Tehran: {@code 1403-09-17}. */
    static String jalaliDay(Instant at) {
        return Days.jalali(at);
    }

    /** The ISO day of an instant in Tehran. */
    static String isoDay(Instant at) {
        return Tehran.dayOf(at).toString();
    }

    /** The Tehran wall-clock time of an instant: {@code 18:30}. */
    static String tehranTime(Instant at) {
        return LocalTime.ofInstant(at, Tehran.ZONE).format(CLOCK);
    }
}
