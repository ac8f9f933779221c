package ir.tehran.womenfamily.gateway.proxy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The circuit breaker of one service behind the proxy (SmallRye Fault Tolerance, programmatic API).
 *
 * <p>A failure is a request the service did not take: no connection (refused, unreachable, connect
 * timeout), no answer in time, or a 502, 503 or 504 from the service itself. After {@code failures}
 * of them in a row the breaker opens: for {@code delay} the gateway answers without contacting the
 * service. Then one trial request goes through; its success closes the breaker, its failure opens it
 * again. Anything else (a 4xx, a 500, a client that went away) counts as the service having answered.
 * The service's own 5xx answers still reach the client unchanged while the breaker is closed.
 */
final class UpstreamBreaker {

    private static final Logger LOG = Logger.getLogger(UpstreamBreaker.class);

    private final String service;
    private final Duration delay;
    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private volatile long openedAt;

    /** {@code failures} <= 0: no breaker, every request goes to the service. */
    UpstreamBreaker(String service, int failures, Duration delay) {
        this.service = service;
        this.delay = delay;
        this.guard = failures <= 0 ? null : TypedGuard.create(new TypeLiteral<CompletionStage<ProxyResponse>>() { })
            .withDescription("gateway proxy to " + service)
            .withThreadOffload(false)
            .withCircuitBreaker()
                .name("gateway-" + service)
                .requestVolumeThreshold(failures)
                .failureRatio(1.0)
                .successThreshold(1)
                .delay(delay.toMillis(), ChronoUnit.MILLIS)
                .when(UpstreamBreaker::isFailure)
                .onStateChange(this::changed)
                .done()
            .build();
    }

    String service() {
        return service;
    }

    CircuitBreakerState state() {
        return state;
    }

    /**
     * Sends through the breaker: fails at once with {@link CircuitBreakerOpenException} while it is open;
     * otherwise what {@code send} gives, the service's 502/503/504 answers included.
     */
    Future<ProxyResponse> call(Supplier<Future<ProxyResponse>> send) {
        if (guard == null) {
            return send.get();
        }
        Context context = Vertx.currentContext();
        CompletionStage<ProxyResponse> guarded;
        try {
            guarded = guard.get(() -> send.get()
                .compose(response -> failed(response.getStatusCode())
                    ? Future.failedFuture(new RefusedByService(response))
                    : Future.succeededFuture(response))
                .toCompletionStage());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        Future<ProxyResponse> result = context == null ? Future.fromCompletionStage(guarded)
            : Future.fromCompletionStage(guarded, context);
        return result.recover(failure -> {
            Throwable cause = unwrap(failure);
            return cause instanceof RefusedByService refused ? Future.succeededFuture(refused.response)
                : Future.failedFuture(cause);
        });
    }

    /** Whole seconds a client should wait: what remains of the open delay, else the delay itself. */
    long retryAfterSeconds() {
        long millis = delay.toMillis();
        if (state == CircuitBreakerState.OPEN) {
            millis -= Duration.ofNanos(System.nanoTime() - openedAt).toMillis();
        }
        return Math.max(1, (millis + 999) / 1000);
    }

    private void changed(CircuitBreakerState next) {
        if (next == CircuitBreakerState.OPEN) {
            openedAt = System.nanoTime();
        }
        CircuitBreakerState previous = state;
        state = next;
        if (next == CircuitBreakerState.OPEN && previous != CircuitBreakerState.OPEN) {
            LOG.warnf("circuit breaker of %s opened: the gateway answers 503 for %s", service, delay);
        } else if (next == CircuitBreakerState.CLOSED) {
            LOG.infof("circuit breaker of %s closed: %s answers again", service, service);
        }
    }

    /** The service's own answers that say it cannot serve now. */
    static boolean failed(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    static boolean isFailure(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof RefusedByService || isUnreachable(t) || GatewayInterceptor.isTimeout(t);
    }

    /** No connection to the service could be made. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A 502/503/504 from the service, carried through the breaker as a failure and then given back as is. */
    static final class RefusedByService extends RuntimeException {

        private final transient ProxyResponse response;

        RefusedByService(ProxyResponse response) {
            super("service answered " + response.getStatusCode(), null, false, false);
            this.response = response;
        }
    }

    /** The breaker was open: the service was not contacted. */
    static boolean isOpen(Throwable failure) {
        return unwrap(failure) instanceof CircuitBreakerOpenException;
    }
}
