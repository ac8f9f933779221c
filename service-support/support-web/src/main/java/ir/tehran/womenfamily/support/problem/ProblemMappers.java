package ir.tehran.womenfamily.support.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import ir.tehran.womenfamily.support.db.DatabaseOutage;
import ir.tehran.womenfamily.support.json.StrictJson;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.dialect.lock.OptimisticEntityLockException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a service returns, as RFC 9457 problem+json: the service's own problems, validation
 * failures with their field paths, unreadable JSON, the framework's 4xx (404, 405, 406, 415),
 * authentication and authorisation failures, and a last resort that never shows a class name or a
 * stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        List<Problem.Violation> errors = e.errors().stream()
            .map(f -> new Problem.Violation(f.field(), Messages.get(locale, f.messageKey(), f.args())))
            .toList();
        return ProblemResponses.response(
            ProblemResponses.problem(e.status(), e.type(), locale, path(uri), errors, e.args())
                .withExtensions(e.extensions()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        List<Problem.Violation> errors = e.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(fieldPath(v), translate(v, locale)))
            .sorted(Comparator.comparing(Problem.Violation::field))
            .toList();
        return ProblemResponses.response(
            ProblemResponses.problem(400, "validation", locale, path(uri), errors));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        List<Problem.Violation> errors = List.of();
        String duplicate = e instanceof JsonParseException p ? duplicateField(p)
            : e.getCause() instanceof JsonParseException p ? duplicateField(p) : null;
        if (duplicate != null) {
            errors = List.of(new Problem.Violation(duplicate, Messages.get(locale, "validation.duplicate-field")));
        } else if (e instanceof MismatchedInputException d && d.getTargetType() == java.time.LocalDate.class
                && !d.getPath().isEmpty()) {
            // the one problem of a bad day, as jalali.DateInput answers it for a query parameter
            return problem(ProblemException.invalid(jsonPath(d.getPath()), "validation.date"), headers, uri);
        } else if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = jsonPath(m.getPath());
            String twin = e instanceof UnrecognizedPropertyException u ? jalaliTwinOf(u, field) : null;
            String key = twin != null ? "validation.jalali-twin"
                : e instanceof UnrecognizedPropertyException ? "validation.unknown-field"
                : e instanceof StrictJson.InvalidText ? "validation.invalid-text"
                : e instanceof MismatchedInputException mi && isWrongType(mi) ? "validation.wrong-type"
                : e instanceof InvalidFormatException ? "validation.wrong-format" : "validation.unreadable";
            errors = List.of(new Problem.Violation(field,
                twin == null ? Messages.get(locale, key) : Messages.get(locale, key, twin)));
        }
        return ProblemResponses.response(
            ProblemResponses.problem(400, "malformed-json", locale, path(uri), errors));
    }

    /** Quarkus has its own mapper for this subtype; ours must win so the answer is a problem with the field. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e,
            HttpHeaders headers, UriInfo uri) {
        return unreadableJson(e, headers, uri);
    }

    /** A unique or foreign-key constraint the service's own checks did not catch (two writers racing). */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, HttpHeaders headers,
            UriInfo uri) {
        LOG.infof("constraint %s violated on %s", e.getConstraintName(), path(uri));
        return ProblemResponses.response(
            ProblemResponses.problem(409, "conflict", locale(headers), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.response(
            ProblemResponses.problem(401, "unauthorized", locale(headers), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.response(
            ProblemResponses.problem(401, "unauthorized", locale(headers), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return ProblemResponses.response(
            ProblemResponses.problem(403, "forbidden", locale(headers), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, headers, uri);
        }
        String parameter = unconvertibleQueryParameter(e, uri);
        if (parameter != null) {
            return problem(ProblemException.invalid(parameter, "validation.wrong-format"), headers, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "server error on %s", path(uri));
        }
        return ProblemResponses.response(
            ProblemResponses.problem(status, typeFor(status), locale(headers), path(uri), List.of()));
    }

    /**
     * JAX-RS answers a path or query parameter it cannot convert (a path segment that is not a UUID or a number,
     * an unknown enum constant) with 404, as if the resource did not exist. When the conversion error names the
     * value of a path or query parameter, the client sent a malformed parameter: that parameter (the one with
     * the longest such value, path parameters first), for a 400 naming it.
     */
    static String unconvertibleQueryParameter(WebApplicationException e, UriInfo uri) {
        if (!(e instanceof jakarta.ws.rs.NotFoundException) || e.getCause() == null
                || e.getCause() instanceof WebApplicationException || uri == null) {
            return null;
        }
        String message = String.valueOf(e.getCause().getMessage());
        String named = named(message, uri.getPathParameters());
        return named != null ? named : named(message, uri.getQueryParameters());
    }

    private static String named(String message, jakarta.ws.rs.core.MultivaluedMap<String, String> parameters) {
        String found = null;
        int longest = 0;
        for (var entry : parameters.entrySet()) {
            for (String value : entry.getValue()) {
                if (value.length() > longest && message.contains(value)) {
                    found = entry.getKey();
                    longest = value.length();
                }
            }
        }
        return found;
    }

    /**
     * A value PostgreSQL refuses as data (SQLSTATE class 22: a NUL character in a text, a number out of
     * range, a text longer than its column) that no check caught first, for instance a {@code %00} in a
     * path: the request is malformed, not the service. The transaction is rolled back, nothing is written.
     */
    @ServerExceptionMapper
    public Response unstorable(org.hibernate.exception.DataException e, HttpHeaders headers, UriInfo uri) {
        LOG.infof("unstorable value on %s: SQLSTATE %s", path(uri), e.getSQLState());
        return ProblemResponses.response(
            ProblemResponses.problem(400, "unstorable-value", locale(headers), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        if (DatabaseOutage.isCause(e)) {
            return databaseUnavailable(e, headers, uri);
        }
        if (isLostRace(e)) {
            return lostRace(headers, uri);
        }
        if (isDataError(e)) {
            LOG.infof("unstorable value on %s", path(uri));
            return ProblemResponses.response(
                ProblemResponses.problem(400, "unstorable-value", locale(headers), path(uri), List.of()));
        }
        LOG.errorf(e, "unexpected error on %s", path(uri));
        return ProblemResponses.response(
            ProblemResponses.problem(500, "internal", locale(headers), path(uri), List.of()));
    }

    /** A data error of the database (SQLSTATE class 22) anywhere in the causes, e.g. wrapped at commit. */
    static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.DataException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lost race: another transaction changed the same versioned record between this request's read and its
     * write, and the version check of the write (at a flush, or at the commit) found it. Nothing was written;
     * the client reads the record again. 412 {@code stale} when the request named the version it read
     * ({@code If-Match}), 409 {@code concurrent-update} otherwise.
     */
    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return lostRace(headers, uri);
    }

    /** Hibernate's own form of a lost race (a versioned row updated or deleted by another transaction). */
    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpHeaders headers, UriInfo uri) {
        return lostRace(headers, uri);
    }

    Response lostRace(HttpHeaders headers, UriInfo uri) {
        boolean conditional = headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        LOG.infof("lost race on %s (%s)", path(uri), conditional ? "412" : "409");
        return ProblemResponses.response(ProblemResponses.problem(conditional ? 412 : 409,
            conditional ? "stale" : "concurrent-update", locale(headers), path(uri), List.of()));
    }

    /**
     * A lost race anywhere in the causes (or suppressed exceptions) of {@code e}: the version check failing at
     * the commit reaches the REST layer wrapped in the transaction manager's exceptions.
     */
    static boolean isLostRace(Throwable e) {
        java.util.Deque<Throwable> queue = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        queue.add(e);
        while (!queue.isEmpty() && seen.size() < 32) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof OptimisticEntityLockException) {
                return true;
            }
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            queue.addAll(List.of(t.getSuppressed()));
        }
        return false;
    }

    /**
     * The database is out of reach (restarting, down, or no live connection within the pool's acquisition
     * timeout): nothing was written, and the same request may succeed shortly. 503 with Retry-After, and
     * one log line without a stack trace, as an outage produces many of these.
     */
    Response databaseUnavailable(Exception e, HttpHeaders headers, UriInfo uri) {
        LOG.warnf("database unavailable on %s: %s", path(uri), rootMessage(e));
        return Response.fromResponse(ProblemResponses.response(
                ProblemResponses.problem(503, "database-unavailable", locale(headers), path(uri), List.of())))
            .header("Retry-After", RETRY_AFTER_SECONDS)
            .build();
    }

    /** Seconds a client is asked to wait after a 503 for an unreachable database. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        int depth = 0;
        while (t.getCause() != null && t.getCause() != t && depth++ < 32) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    static String typeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found-route";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "stale";
            case 422 -> "unprocessable";
            case 428 -> "precondition-required";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    private static Locale locale(HttpHeaders headers) {
        return headers == null ? Messages.PERSIAN : Messages.choose(headers.getAcceptableLanguages());
    }

    /**
     * The request path. A failure outside the REST root (an HTTP permission on {@code /q/metrics}) reaches
     * these mappers too, and there {@code UriInfo.getPath()} cannot cut the root off: the absolute path is
     * used instead.
     */
    private static String path(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return uri.getPath();
        } catch (RuntimeException e) {
            return uri.getRequestUri().getRawPath();
        }
    }

    /** {@code create.arg0.children[0].name} becomes {@code children[0].name}: the path the client sent. */
    static String fieldPath(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        List<Path.Node> nodes = new java.util.ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            switch (node.getKind()) {
                case PARAMETER -> {
                    // a query or path parameter is named by itself; a body parameter by the fields inside it
                    if (!last) {
                        continue;
                    }
                }
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {
                    continue;
                }
                default -> {
                }
            }
            if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                // the element itself (tags[1]), not a made-up name such as <list element>
                appendIndex(sb, node);
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            // a field of a list element carries the element's index: items[0].quantity, not items.quantity[0]
            boolean fieldOfElement = node.getKind() == jakarta.validation.ElementKind.PROPERTY && node.isInIterable()
                && sb.length() > 0;
            if (fieldOfElement) {
                appendIndex(sb, node);
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(node.getName());
            if (!fieldOfElement) {
                appendIndex(sb, node);
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    private static void appendIndex(StringBuilder sb, Path.Node node) {
        if (node.getIndex() != null) {
            sb.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            sb.append('[').append(node.getKey()).append(']');
        }
    }

    /** Bean Validation's message template names a bundle key when it is {@code {key}}. */
    private static String translate(ConstraintViolation<?> v, Locale locale) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            String key = template.substring(1, template.length() - 1);
            String text = Messages.get(locale, key, v.getConstraintDescriptor().getAttributes().get("max"),
                v.getConstraintDescriptor().getAttributes().get("min"));
            if (!text.equals(key)) {
                return text;
            }
        }
        return v.getMessage();
    }

    /**
     * The field a date now comes in when a client still sends its former Jalali twin: {@code startDate} for an
     * unknown {@code startDateJalali} beside a date field {@code startDate} (one field takes either calendar);
     * null for any other unknown field. {@code path} is the unknown field's path.
     */
    static String jalaliTwinOf(UnrecognizedPropertyException e, String path) {
        String name = e.getPropertyName();
        if (name == null || !name.endsWith(JALALI) || e.getReferringClass() == null) {
            return null;
        }
        try {
            String stem = name.substring(0, name.length() - JALALI.length());
            if (e.getReferringClass().getDeclaredField(stem).getType() != java.time.LocalDate.class) {
                return null;
            }
        } catch (NoSuchFieldException notADateField) {
            return null;
        }
        return path.substring(0, path.length() - JALALI.length());
    }

    private static final String JALALI = "Jalali";

    /**
     * A value of one JSON type where the shape wants another (a text for a number, a number for a text or an
     * enum constant), which {@link StrictJson} refuses instead of converting; not a text of the right type in a
     * wrong format (an unknown enum constant, a malformed id).
     */
    static boolean isWrongType(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return false;
        }
        boolean text = CharSequence.class.isAssignableFrom(target);
        boolean scalar = target.isPrimitive() || Number.class.isAssignableFrom(target) || target == Boolean.class;
        if (e instanceof InvalidFormatException f) {
            return text && f.getValue() != null && !(f.getValue() instanceof CharSequence)
                || scalar && f.getValue() instanceof CharSequence;
        }
        return text || scalar || target.isEnum();
    }

    /**
     * The path of a field named twice in one object ({@link StrictJson} has the parser refuse it), or null for
     * any other unreadable body. Jackson 2 reports a duplicate only as a parse error whose message names the
     * field; the parser's context, which already holds that name, gives the path of the object it is in.
     */
    static String duplicateField(JsonParseException e) {
        if (e.getProcessor() == null) {
            return null;
        }
        JsonStreamContext context = e.getProcessor().getParsingContext();
        if (context == null || !context.inObject() || context.getCurrentName() == null
                || !("Duplicate field '" + context.getCurrentName() + "'").equals(e.getOriginalMessage())) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(0, c.inObject() ? "." + c.getCurrentName() : "[" + Math.max(c.getCurrentIndex(), 0) + "]");
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
