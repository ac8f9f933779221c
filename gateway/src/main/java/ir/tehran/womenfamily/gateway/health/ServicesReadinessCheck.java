package ir.tehran.womenfamily.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.ServiceUrls;
import ir.tehran.womenfamily.gateway.proxy.Breakers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The gateway is ready when every service behind it is: asks each service's {@code /q/health/ready}
 * (in parallel, with a short timeout) and reports each one's state by name, and beside it the state of the
 * service's circuit breaker ({@code <name>.circuit-breaker}: {@code CLOSED}, {@code OPEN} or
 * {@code HALF_OPEN}), which does not decide readiness.
 */
@Readiness
@ApplicationScoped
public class ServicesReadinessCheck implements HealthCheck {

    @Inject
    GatewayConfig config;

    @Inject
    Breakers breakers;

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    @Override
    public HealthCheckResponse call() {
        Duration timeout = config.health().timeout();
        Map<String, CompletableFuture<String>> states = new TreeMap<>();
        config.serviceUrls().forEach((name, url) -> states.put(name, state(url, timeout)));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("services").up();
        states.forEach((name, future) -> {
            String state = future.join();
            response.withData(name, state);
            if (!"UP".equals(state)) {
                response.down();
            }
        });
        breakers.states().forEach((name, state) -> response.withData(name + ".circuit-breaker", state));
        return response.build();
    }

    private CompletableFuture<String> state(URI base, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(ServiceUrls.resolve(base, "/q/health/ready"))
            .timeout(timeout)
            .GET()
            .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .orTimeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
            .handle((r, failure) -> failure != null ? "DOWN" : r.statusCode() == 200 ? "UP" : "DOWN");
    }
}
