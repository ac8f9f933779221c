package ir.tehran.womenfamily.support.problem;

import java.util.List;

/**
 * A failure the client can act on, answered as RFC 9457 {@code application/problem+json}. The title
 * and detail are looked up by {@code type} in the Persian and English message bundles, so callers
 * never build user-facing text themselves.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final Object[] args;
    private final List<FieldError> errors;
    private final java.util.Map<String, Object> extensions = new java.util.LinkedHashMap<>();

    public ProblemException(int status, String type, Object... args) {
        this(status, type, List.of(), args);
    }

    public ProblemException(int status, String type, List<FieldError> errors, Object... args) {
        super(type);
        this.status = status;
        this.type = type;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", new Messages.Key("entity." + what, what), id);
    }

    public static ProblemException conflict(String type, Object... args) {
        return new ProblemException(409, type, args);
    }

    /** One invalid field: its JSON path and a message key (with arguments) describing what is wrong. */
    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return new ProblemException(400, "validation", List.of(new FieldError(field, messageKey, args)));
    }

    /** Adds a problem-specific member, such as the id of the record a duplicate collides with. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public java.util.Map<String, Object> extensions() {
        return java.util.Collections.unmodifiableMap(extensions);
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "stale");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** A field error before translation: {@code messageKey} is looked up in the bundles. */
    public record FieldError(String field, String messageKey, Object... args) {
    }
}
