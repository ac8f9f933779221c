package ir.tehran.womenfamily.gateway.limit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The configured rate limits: which group a path belongs to, and that group's buckets per address and
 * per client. Buckets live in this process's memory; with several gateway replicas each one counts on
 * its own (see docs/security-gateway.md).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    @Inject
    GatewayConfig config;

    private RouteGroups routes;
    private final Map<String, GroupLimits> limits = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        GatewayConfig.RateLimit settings = config.rateLimit();
        Map<String, List<String>> paths = new LinkedHashMap<>();
        settings.groups().forEach((name, group) -> {
            paths.put(name, group.paths());
            limits.put(name, new GroupLimits(
                group.perAddress().map(l -> new Buckets(l.capacity(), l.period(), settings.maxBuckets())).orElse(null),
                group.perClient().map(l -> new Buckets(l.capacity(), l.period(), settings.maxBuckets())).orElse(null)));
            LOG.debugf("rate-limit group %s: %s", name, group.paths());
        });
        routes = new RouteGroups(paths);
    }

    public boolean enabled() {
        return config.rateLimit().enabled();
    }

    /** The limits that apply to {@code path}; {@link GroupLimits#NONE} when it is not limited. */
    GroupLimits limitsFor(String path) {
        String group = routes.groupOf(path);
        return group == null ? GroupLimits.NONE : limits.get(group);
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        limits.values().forEach(GroupLimits::sweep);
    }

    /** The buckets of one group; either may be {@code null} (not limited that way). */
    record GroupLimits(Buckets perAddress, Buckets perClient) {

        static final GroupLimits NONE = new GroupLimits(null, null);

        void sweep() {
            if (perAddress != null) {
                perAddress.sweep();
            }
            if (perClient != null) {
                perClient.sweep();
            }
        }
    }
}
