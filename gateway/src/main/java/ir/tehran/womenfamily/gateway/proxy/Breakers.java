package ir.tehran.womenfamily.gateway.proxy;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The circuit breakers of the services behind the proxy, one per service, with their states for the
 * readiness check and as the gauge {@code gateway_circuit_breaker_state{service, state}} (1 for the
 * current state, 0 for the others).
 */
@ApplicationScoped
public class Breakers {

    @Inject
    GatewayConfig config;

    @Inject
    MeterRegistry meters;

    private final SortedMap<String, UpstreamBreaker> breakers = new TreeMap<>();

    @PostConstruct
    void init() {
        GatewayConfig.CircuitBreaker defaults = config.proxy().circuitBreaker();
        for (Map.Entry<String, GatewayConfig.Service> entry : config.services().entrySet()) {
            String name = entry.getKey();
            GatewayConfig.Service service = entry.getValue();
            int failures = defaults.enabled() ? service.circuitBreakerFailures().orElse(defaults.failures()) : 0;
            Duration delay = service.circuitBreakerDelay().orElse(defaults.delay());
            UpstreamBreaker breaker = new UpstreamBreaker(name, failures, delay);
            breakers.put(name, breaker);
            for (CircuitBreakerState state : CircuitBreakerState.values()) {
                meters.gauge("gateway.circuit.breaker.state",
                    Tags.of("service", name, "state", state.name().toLowerCase(Locale.ROOT)), breaker,
                    b -> b.state() == state ? 1 : 0);
            }
        }
    }

    UpstreamBreaker of(String service) {
        return breakers.get(service);
    }

    /** Each service's breaker state by name: {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    public SortedMap<String, String> states() {
        SortedMap<String, String> states = new TreeMap<>();
        breakers.forEach((name, breaker) -> states.put(name, breaker.state().name()));
        return states;
    }
}
