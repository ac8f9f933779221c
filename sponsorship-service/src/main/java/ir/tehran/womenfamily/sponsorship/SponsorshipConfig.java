package ir.tehran.womenfamily.sponsorship;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of the sponsorship service, typed, under {@code sponsorship.*}. */
@ConfigMapping(prefix = "sponsorship")
public interface SponsorshipConfig {

    Registry registry();

    ReleaseFund releaseFund();

    AgeOut ageOut();

    Reminders reminders();

    Risk risk();

    Matching matching();

    Replay replay();

    Feed feed();

    interface Registry {
        /** The registry's topics the roster is built from. */
        @WithDefault("registry.beneficiary,registry.child,registry.consent")
        List<String> topics();

        /** The consumer group of the roster (its processed-event log is kept under this name). */
        @WithDefault("sponsorship-registry")
        String consumerGroup();

        /** Whether the live consumer runs (a benchmark turns it off to time a replay alone). */
        @WithDefault("true")
        boolean consume();
    }

    /** The registry's draws on the campaign fund to free imprisoned mothers. */
    interface ReleaseFund {
        /** The registry's topic of draws. */
        @WithDefault("registry.release-fund")
        List<String> topics();

        /** The consumer group of the draws (its processed-event log is kept under this name). */
        @WithDefault("sponsorship-release-fund")
        String consumerGroup();
    }

    interface AgeOut {
        /** Children leave the programme on their Jalali birthday of this age. */
        @WithDefault("20")
        int age();

        /** When the daily age-out job runs (Quartz-style cron, Asia/Tehran); {@code off} disables it. */
        @WithDefault("0 30 0 * * ?")
        String cron();
    }

    /** The sponsor's reminder of an instalment coming due ({@code instalment.due} on {@code sponsorship.reminder}). */
    interface Reminders {
        /** An unpaid instalment of an active sponsorship is announced this many days before its due day. */
        @WithDefault("3")
        int daysBefore();

        /** When the daily reminder job runs (Quartz-style cron, Asia/Tehran); {@code off} disables it. */
        @WithDefault("0 0 8 * * ?")
        String cron();
    }

    /** The thresholds of the explainable at-risk rule (grades are on the Iranian 0-20 scale). */
    interface Risk {
        /** A fall of the term average by more than this many points flags the child. */
        @WithDefault("2.0")
        BigDecimal averageDrop();

        /** A core subject strictly below this mark flags the child. */
        @WithDefault("10")
        BigDecimal passMark();

        @WithDefault("MATHEMATICS,PERSIAN_LITERATURE,SCIENCES")
        Set<Subject> coreSubjects();

        /** Absent days over school days above this rate flags the child. */
        @WithDefault("0.15")
        BigDecimal maxAbsenceRate();
    }

    interface Matching {
        /** How long a matched child is held for a sponsor while the pledge is confirmed. */
        @WithDefault("P7D")
        Duration hold();

        /** How often expired holds are released; {@code off} disables the job. */
        @WithDefault("5m")
        String expiryEvery();
    }

    interface Replay {
        /** Events applied per transaction when the roster is rebuilt by replaying the registry's topics. */
        @WithDefault("500")
        int batchSize();
    }

    interface Feed {
        /** How often the sponsor feed records the changes a sponsor's phone will be sent; {@code off} disables it. */
        @WithDefault("1m")
        String recordEvery();

        /** How often the sponsor feed's tombstones older than its window are pruned; {@code off} disables it. */
        @WithDefault("24h")
        String pruneEvery();
    }
}
