package ir.tehran.womenfamily.support.security;

import java.util.concurrent.Callable;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who is calling now: the service itself while work runs {@link #callAs as} it (a consumer, a scheduled job; see
 * {@code AuditContext}); else the caller of the request being handled, read from its verified token once per
 * request; else {@link Caller#anonymous()} (outside a request, or a request without a token). Every service, the
 * gateway and the audit log ask this bean, and nothing else reads a token's claims (see {@link Claims}).
 */
@ApplicationScoped
public class Callers {

    private static final ThreadLocal<Caller> ACTING = new ThreadLocal<>();

    @Inject
    RequestCaller request;

    public Caller current() {
        Caller acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        if (!Arc.container().requestContext().isActive()) {
            return Caller.anonymous();
        }
        return request.get();
    }

    /** Runs {@code work} on this thread as {@code caller}, restoring whoever acted before. */
    public static <T> T callAs(Caller caller, Callable<T> work) throws Exception {
        Caller before = ACTING.get();
        ACTING.set(caller);
        try {
            return work.call();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }
}
