package ir.tehran.womenfamily.gateway.limit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The configured rate limits: which group a path belongs to, and that group's buckets per address and
 * per client. Buckets live in the gateway's database, shared by every replica
 * ({@code gateway.rate-limit.store=postgresql}, the default), or in this process's memory ({@code memory}),
 * where each replica counts on its own (see docs/security-gateway.md).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    static final String SWEEP_JOB = "rate-limit-sweep";

    @Inject
    GatewayConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Audit audit;

    private RouteGroups routes;
    private final Map<String, GroupLimits> limits = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        GatewayConfig.RateLimit settings = config.rateLimit();
        Map<String, List<String>> paths = new LinkedHashMap<>();
        settings.groups().forEach((name, group) -> {
            paths.put(name, group.paths());
            limits.put(name, new GroupLimits(
                group.perAddress().map(l -> limit(name + ":address", l)).orElse(null),
                group.perClient().map(l -> limit(name + ":client", l)).orElse(null)));
            LOG.debugf("rate-limit group %s: %s", name, group.paths());
        });
        routes = new RouteGroups(paths);
    }

    private Limit limit(String name, GatewayConfig.RateLimit.Limit l) {
        int max = config.rateLimit().maxBuckets();
        return config.rateLimit().store() == GatewayConfig.RateLimit.Store.POSTGRESQL
            ? new SharedBuckets(dataSource, name, l.capacity(), l.period(), max)
            : new Buckets(l.capacity(), l.period(), max);
    }

    public boolean enabled() {
        return config.rateLimit().enabled();
    }

    /** The limits that apply to {@code path}; {@link GroupLimits#NONE} when it is not limited. */
    GroupLimits limitsFor(String path) {
        String group = routes.groupOf(path);
        return group == null ? GroupLimits.NONE : limits.get(group);
    }

    /** Calls of the shared buckets' database function so far, every limit together (0 in memory). */
    long roundTrips() {
        return limits.values().stream()
            .flatMap(g -> java.util.stream.Stream.of(g.perAddress(), g.perClient()))
            .filter(SharedBuckets.class::isInstance)
            .mapToLong(l -> ((SharedBuckets) l).roundTrips())
            .sum();
    }

    @Scheduled(every = "60s", delayed = "60s", identity = SWEEP_JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        limits.values().forEach(GroupLimits::sweep);
        if (config.rateLimit().enabled() && config.rateLimit().store() == GatewayConfig.RateLimit.Store.POSTGRESQL) {
            try {
                sweepShared();
            } catch (RuntimeException e) {
                LOG.debugf("rate-limit sweep skipped: %s", e.getMessage());
            }
        }
    }

    /**
     * Deletes the shared buckets that are full again, in a transaction of its own; when it deleted any, records
     * one audit entry by {@code system:rate-limit-sweep} (how many, and the cutoff) in that transaction.
     */
    int sweepShared() {
        return QuarkusTransaction.requiringNew().call(() -> {
            SharedBuckets.Sweep sweep = SharedBuckets.sweep(dataSource);
            if (sweep.deleted() > 0) {
                audit.record(Caller.system(SWEEP_JOB), AuditEvent.of("housekeeping.rate-limit.sweep",
                        "rate-limit-bucket", null).withPurpose("job:" + SWEEP_JOB)
                    .withDetail("rows", sweep.deleted()).withDetail("cutoff", sweep.cutoff()));
            }
            return sweep.deleted();
        });
    }

    /** The buckets of one group; either may be {@code null} (not limited that way). */
    record GroupLimits(Limit perAddress, Limit perClient) {

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
