package ir.tehran.womenfamily.support.web;

import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.Problem;
import ir.tehran.womenfamily.support.problem.ProblemResponses;
import ir.tehran.womenfamily.support.tracing.RequestIds;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Requests that match no route at all (outside the REST root) get a problem+json 404 as well,
 * instead of the framework's HTML page.
 */
@ApplicationScoped
public class NotFoundRoute {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            String id = RequestIds.acceptOrGenerate(ctx.request().getHeader(RequestIds.HEADER));
            Problem problem = ProblemResponses.problem(404, "not-found-route",
                Messages.fromHeader(ctx.request().getHeader("Accept-Language")), ctx.request().path(), List.of());
            problem = problem.withRequestId(id);
            ctx.response().setStatusCode(404)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, id)
                .end(Json.encode(problem));
        });
    }
}
