package ir.tehran.womenfamily.support.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay and the idempotent consumers. */
@ConfigMapping(prefix = "events")
public interface EventBackboneConfig {

    /** The producing service's short name: {@code registry}. Topics are {@code <service>.<aggregate-type>}. */
    String service();

    /** CloudEvents {@code source}; defaults to {@code /women-family/<service>}. */
    java.util.Optional<String> source();

    Relay relay();

    Consumer consumer();

    /** Partitions of the topics this service creates. */
    @WithDefault("3")
    int partitions();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for rows it was not woken for (a commit wakes it at once). */
        @WithDefault("1s")
        Duration interval();

        @WithDefault("200")
        int batchSize();

        /** First wait after a failed attempt; doubles up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Also the longest a relay waits, after the broker or the database came back, before it sends again. */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * How long a published event stays in the outbox (to answer "was it sent, and when?") before the
         * pruning job removes it. Unpublished events are never removed.
         */
        @WithDefault("P7D")
        Duration keepPublished();

        /** When the pruning job runs: a Quartz cron expression, or {@code off}. */
        @WithDefault("0 15 3 * * ?")
        String pruneSchedule();
    }

    interface Consumer {
        /** Attempts at one event before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();

        /**
         * Events of one partition applied together in one transaction. When the transaction fails for another
         * reason than a database out of reach, its events are applied again one by one, each with its own
         * attempts, so that one bad event is dead-lettered alone.
         */
        @WithDefault("100")
        int batchSize();
    }

    default String cloudEventSource() {
        return source().orElse("/women-family/" + service());
    }

    default String topic(String aggregateType) {
        return service() + "." + aggregateType;
    }
}
