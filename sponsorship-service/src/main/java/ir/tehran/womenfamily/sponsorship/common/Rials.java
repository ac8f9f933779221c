package ir.tehran.womenfamily.sponsorship.common;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Money is a whole number of rials. This reads only a JSON integer: {@code 1500.5}, {@code 1.5e3} and
 * {@code "1500"} are refused (Jackson would otherwise truncate or coerce them), so no amount is ever
 * silently changed. Use with {@code @JsonDeserialize(using = Rials.class)} on {@code Long} fields.
 */
public class Rials extends StdScalarDeserializer<Long> {

    /** The largest amount accepted anywhere: 10^15 rials, far above any real pledge, far below overflow. */
    public static final long MAX = 1_000_000_000_000_000L;

    public Rials() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw InvalidFormatException.from(p, "an amount is a whole number of rials", p.getText(), Long.class);
        }
        return p.getLongValue();
    }
}
