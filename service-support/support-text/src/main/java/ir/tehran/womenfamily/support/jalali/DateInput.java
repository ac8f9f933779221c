package ir.tehran.womenfamily.support.jalali;

import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * The one way a date comes into the system, in a request body, a query parameter or an imported file: one
 * field, written either in ISO 8601 ({@code 2024-03-06}) or in the Solar Hijri calendar ({@code 1402-12-16},
 * {@code 1402/12/16}, {@code ۱۴۰۲/۱۲/۱۶}). A year below 1700 is Jalali, and a Jalali year must lie in
 * {@link JalaliDate#MIN_YEAR}..{@link JalaliDate#MAX_YEAR}; Persian and Arabic-Indic digits are read as Latin
 * ones; {@code -} or {@code /} separate the parts. A day that does not exist ({@code 1403-12-31},
 * {@code 2025-02-30}) is refused.
 * <ul>
 * <li>A request body's {@code LocalDate} field: {@code @JsonDeserialize(using = DateInput.class)}; a blank text
 * is absent ({@link #present} when the day is required), anything else that is not a day is refused with the
 * field's path.</li>
 * <li>A text field or a query parameter: {@link #required(String, String)} or {@link #optional(String, String)}.
 * </li>
 * </ul>
 * Every refusal is the same problem: 400 {@code validation} naming the field, with the message
 * {@code validation.date} (Persian and English). Dates go out as ISO and, beside them, {@link Days#jalali}.
 */
public class DateInput extends StdScalarDeserializer<LocalDate> {

    /** A year below this is a Jalali year. */
    private static final int FIRST_GREGORIAN_YEAR = 1700;
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final String MESSAGE = "validation.date";

    public DateInput() {
        super(LocalDate.class);
    }

    /**
     * The day a text names, ISO or Jalali, with the checks above; for callers that report a bad day their own
     * way (an imported file's line).
     *
     * @throws DateTimeParseException when the text is blank, neither form, or names a day that does not exist
     */
    public static LocalDate parse(String text) {
        String s = PersianText.latinDigits(text == null ? "" : text.strip());
        Matcher m = FORMAT.matcher(s);
        if (!m.matches()) {
            throw new DateTimeParseException("expected 2024-03-06 or 1402-12-16", s, 0);
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        try {
            return year < FIRST_GREGORIAN_YEAR ? new JalaliDate(year, month, day).toGregorian()
                : LocalDate.of(year, month, day);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new DateTimeParseException("no such day: " + s, s, 0);
        }
    }

    /** A day the request must give: 400 naming {@code field} when it is missing, blank or not a day. */
    public static LocalDate required(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "validation.required");
        }
        return optional(field, text);
    }

    /**
     * A body's date field the request must give, already read by this deserializer: the day, or 400 naming
     * {@code field} when it was absent (or blank).
     */
    public static LocalDate present(String field, LocalDate day) {
        if (day == null) {
            throw ProblemException.invalid(field, "validation.required");
        }
        return day;
    }

    /** A day the request may give: null when missing or blank, 400 naming {@code field} when not a day. */
    public static LocalDate optional(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
    }

    /**
     * A moment the request may give, as a range bound: an ISO 8601 instant with an offset
     * ({@code 2024-03-06T13:30:00+03:30}) or a day as above, meaning its first moment in Tehran. Null when
     * missing or blank; 400 naming {@code field} with {@code validation.instant} otherwise.
     */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = PersianText.latinDigits(text.strip());
        try {
            return s.indexOf('T') > 0 || s.indexOf('t') > 0 ? OffsetDateTime.parse(s).toInstant()
                : Tehran.startOf(parse(s));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "validation.instant");
        }
    }

    /** The one problem of a bad day: 400 naming the field. */
    public static ProblemException invalid(String field) {
        return ProblemException.invalid(field, MESSAGE);
    }

    /**
     * A JSON text; null and a blank text are absent. Any other JSON value, or a text that is not a day, is a
     * {@code MismatchedInputException} whose target is {@code LocalDate}: {@code ProblemMappers} answers it
     * with {@link #invalid(String)} at the field's path.
     */
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
        }
        String text = p.getText();
        if (text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            throw ctxt.weirdStringException(text, LocalDate.class, "not an ISO or Jalali date");
        }
    }
}
