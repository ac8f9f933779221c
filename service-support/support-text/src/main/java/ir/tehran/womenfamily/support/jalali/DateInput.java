package ir.tehran.womenfamily.support.jalali;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads a date written either in ISO 8601 ({@code 2024-03-06}) or in the Solar Hijri calendar
 * ({@code 1402-12-16} or {@code ۱۴۰۲/۱۲/۱۶}); a year below 1700 means Jalali. Use it with
 * {@code @JsonDeserialize(using = DateInput.class)} on {@code LocalDate} fields of request bodies, and
 * {@link #parse} for query parameters. A date that does not exist (1402-12-30) is a 400 with the field.
 */
public class DateInput extends StdScalarDeserializer<LocalDate> {

    public DateInput() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw ctxt.weirdStringException(text, LocalDate.class, "not an ISO or Jalali date");
        }
    }

    public static LocalDate parse(String text) {
        return JalaliDate.parseEither(text);
    }
}
