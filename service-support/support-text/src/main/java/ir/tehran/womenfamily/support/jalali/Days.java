package ir.tehran.womenfamily.support.jalali;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import ir.tehran.womenfamily.support.persian.PersianText;

/**
 * Calendar days as people and clients send them and as answers show them: ISO 8601
 * ({@code 2024-03-06}) or Jalali ({@code 1402-12-16}, {@code ۱۴۰۲/۱۲/۱۶}; a year before 1700 is Jalali,
 * as in {@link JalaliDate#parseEither}), instants for query ranges, and the Jalali form of a day or of
 * the Tehran day of an instant. For request bodies, {@code support.jalali.DateInput} is the Jackson
 * deserializer of the same rule.
 */
public final class Days {

    /** Tehran, where every date of this system is a calendar day. */
    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    private Days() {
    }

    /**
     * A calendar day, ISO or Jalali.
     *
     * @throws DateTimeParseException when the text is neither, or names a day that does not exist
     *                                (such as {@code 1402-12-30})
     */
    public static LocalDate parseDate(String text) {
        try {
            return JalaliDate.parseEither(text);
        } catch (IllegalArgumentException | DateTimeException e) {
            if (e instanceof DateTimeParseException p) {
                throw p;
            }
            String s = text == null ? "" : text;
            throw new DateTimeParseException("no such day: " + s, s, 0);
        }
    }

    /**
     * An instant: ISO 8601 with an offset ({@code 2024-03-06T10:00:00Z}, {@code 2024-03-06T13:30:00+03:30}),
     * or a day (ISO or Jalali), meaning its first moment in Tehran.
     */
    public static Instant parseInstant(String text) {
        String s = PersianText.latinDigits(text == null ? "" : text.strip());
        if (s.indexOf('T') > 0 || s.indexOf('t') > 0) {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                throw new DateTimeParseException("expected an ISO 8601 instant with an offset", s, 0);
            }
        }
        return parseDate(s).atStartOfDay(TEHRAN).toInstant();
    }

    /** The Jalali form of a day: {@code 1402-12-16}. */
    public static String jalali(LocalDate date) {
        return date == null ? null : JalaliDate.of(date).toString();
    }

    /** The Jalali form of the Tehran day of an instant. */
    public static String jalali(Instant instant) {
        return instant == null ? null : JalaliDate.of(instant.atZone(TEHRAN).toLocalDate()).toString();
    }
}
