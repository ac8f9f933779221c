package ir.tehran.womenfamily.support.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of an RFC 9457 problem response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://women-family.tehran.ir/problems/";

    /** One invalid input: where it is (a JSON path such as {@code children[0].birthDate}) and why. */
    public record Violation(String field, String message) {
    }
}
