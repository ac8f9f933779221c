package ir.tehran.womenfamily.support.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of an RFC 9457 problem response. {@code extensions} are problem-specific members written at
 * the top level (for instance {@code existingId} on a duplicate).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<Violation> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://women-family.tehran.ir/problems/";

    public Problem(String type, String title, int status, String detail, String instance, String requestId,
            List<Violation> errors) {
        this(type, title, status, detail, instance, requestId, errors, Map.of());
    }

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }

    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, id, errors, extensions);
    }

    public Problem withExtensions(Map<String, Object> more) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(extensions);
        all.putAll(more);
        return new Problem(type, title, status, detail, instance, requestId, errors, all);
    }

    /** One invalid input: where it is (a JSON path such as {@code children[0].birthDate}) and why. */
    public record Violation(String field, String message) {
    }
}
