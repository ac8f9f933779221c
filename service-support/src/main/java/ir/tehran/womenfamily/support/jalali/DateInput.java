package ir.tehran.womenfamily.support.jalali;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ir.tehran.womenfamily.support.persian.PersianText;

/**
 * Dates as people and clients send them: ISO 8601 ({@code 2024-03-06}) or Jalali ({@code 1402-12-16},
 * {@code 1402/12/16}, with Latin, Persian or Arabic-Indic digits). A year before 1700 is read as Jalali
 * (Jalali years of living people are 13xx–14xx; Gregorian ones 19xx–20xx), so one field takes both.
 */
public final class DateInput {

    /** Tehran, where every date of this system is a calendar day. */
    public static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final int LAST_JALALI_YEAR_READ = 1699;

    private DateInput() {
    }

    /**
     * A calendar day, ISO or Jalali.
     *
     * @throws DateTimeParseException when the text is neither, or names a day that does not exist
     *                                (such as {@code 1402-12-30})
     */
    public static LocalDate parseDate(String text) {
        String s = PersianText.latinDigits(text == null ? "" : text.strip());
        Matcher m = DATE.matcher(s);
        if (!m.matches()) {
            throw new DateTimeParseException("expected a date such as 2024-03-06 or 1402-12-16", s, 0);
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        try {
            if (year <= LAST_JALALI_YEAR_READ) {
                return new JalaliDate(year, month, day).toGregorian();
            }
            return LocalDate.of(year, month, day);
        } catch (IllegalArgumentException | DateTimeException e) {
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
