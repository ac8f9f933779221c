package ir.tehran.womenfamily.support.problem;

import java.util.List;
import java.util.Locale;

import ir.tehran.womenfamily.support.tracing.RequestIds;
import jakarta.ws.rs.core.Response;

/** Builds problem responses; the one place that turns a problem type into a translated body. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Problem problem(int status, String type, Locale locale, String instance,
            List<Problem.Violation> errors, Object... args) {
        String title = Messages.get(locale, "problem." + type + ".title");
        String detailKey = "problem." + type + ".detail";
        String detail = Messages.get(locale, detailKey, args);
        if (detail.equals(detailKey)) {
            detail = null;
        }
        return new Problem(Problem.TYPE_BASE + type, title, status, detail, instance, RequestIds.current(),
            errors);
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .header("Content-Language", problem.title() != null && isPersian(problem.title()) ? "fa" : "en")
            .entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    private static boolean isPersian(String text) {
        return text.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }
}
