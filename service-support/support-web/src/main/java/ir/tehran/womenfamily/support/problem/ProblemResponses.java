package ir.tehran.womenfamily.support.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import ir.tehran.womenfamily.support.tracing.RequestIds;
import jakarta.ws.rs.core.Response;

/** Builds problem responses; the one place that turns a problem type into a translated body. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Problem problem(int status, String type, Locale locale, String instance,
            List<Problem.Violation> errors, Object... args) {
        Messages.Text title = Messages.resolve(locale, "problem." + type + ".title");
        String detailKey = "problem." + type + ".detail";
        String detail = Messages.get(locale, detailKey, args);
        if (detail.equals(detailKey)) {
            detail = null;
        }
        return new Problem(Problem.TYPE_BASE + type, title.text(), status, detail, instance, RequestIds.current(),
            errors, Map.of(), title.language());
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .entity(problem);
        String language = contentLanguage(problem);
        if (language != null) {
            builder.header("Content-Language", language);
        }
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    /**
     * The {@code Content-Language} of a problem: the language of the bundle its title was taken from (Persian
     * when the client asked for English and only the Persian bundle has the message), null when unknown.
     */
    public static String contentLanguage(Problem problem) {
        return problem.language() == null ? null : problem.language().getLanguage();
    }
}
