package ir.tehran.womenfamily.support.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The one JSON configuration of every service and the gateway: a body is read exactly as documented or
 * refused (400 {@code malformed-json}, with the field's path, by {@code ProblemMappers}), never guessed at.
 * <ul>
 * <li>an unknown field is refused (no mass assignment through a field the shape does not have);</li>
 * <li>a field named twice in one object is refused (no "last one wins" that two readers may see differently);</li>
 * <li>no value changes its JSON type: {@code "5"} is not a number, {@code 5} not a text, {@code "true"} not a
 * boolean, {@code 1.5} not a whole number, {@code 1} not an enum constant;</li>
 * <li>a text with a NUL character or a lone UTF-16 surrogate ({@code \u0000}, {@code \ud800}) is refused
 * rather than stripped by the database or stored as {@code ?};</li>
 * <li>anything after the body's one value is refused.</li>
 * </ul>
 * Applied last of the mapper's customisers, so that no {@code quarkus.jackson.*} setting loosens it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Makes {@code mapper} strict as described above; returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new Text()));
        return mapper;
    }

    /**
     * Index of the first character no text may hold (NUL, or a surrogate that is not half of a pair), or -1.
     */
    public static int firstInvalidCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isLowSurrogate(c)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** A text that holds a character no text may hold. The value is not kept: it may be personal data. */
    public static final class InvalidText extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        InvalidText(JsonParser p) {
            super(p, "text holds a NUL character or a lone surrogate", null, String.class);
        }
    }

    /** Jackson's own reading of a text, then the character check. */
    static final class Text extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            if (text != null && firstInvalidCharacter(text) >= 0) {
                throw new InvalidText(p);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }
    }
}
