package ir.tehran.womenfamily.support.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the figures fresh in the background: every {@code statistics.refresh-every} it reads the service's
 * change mark (its last outbox event and last consumed event, and the day), and refreshes when the mark moved or
 * the figures are older than {@code statistics.max-age}. A read never waits for this.
 */
@ApplicationScoped
public class StatisticsRefresher {

    private static final Logger LOG = Logger.getLogger(StatisticsRefresher.class);

    @Inject
    StatisticsStore store;

    @Inject
    Clock clock;

    @ConfigProperty(name = "statistics.max-age", defaultValue = "PT1H")
    Duration maxAge;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String appName;

    private String lastMark;
    private Instant lastRefresh = Instant.EPOCH;

    @Scheduled(every = "${statistics.refresh-every:15s}", delayed = "${statistics.refresh-delay:20s}",
        identity = "statistics-refresh", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void tick() {
        String mark = store.changeMark();
        Instant now = clock.instant();
        if (mark.equals(lastMark) && now.isBefore(lastRefresh.plus(maxAge))) {
            return;
        }
        long started = System.nanoTime();
        store.refresh();
        lastMark = mark;
        lastRefresh = now;
        LOG.infof("%s: %d figures refreshed in %d ms", appName, store.figures().size(),
            (System.nanoTime() - started) / 1_000_000);
    }
}
