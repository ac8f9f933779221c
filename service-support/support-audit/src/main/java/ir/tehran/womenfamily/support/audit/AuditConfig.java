package ir.tehran.womenfamily.support.audit;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the audit log. */
@ConfigMapping(prefix = "audit")
public interface AuditConfig {

    /** How long entries are kept: an ISO 8601 period such as {@code P3Y} or {@code P400D}. */
    @WithDefault("P3Y")
    Period retention();

    /** When the retention job runs: a Quartz cron expression, or {@code off}. */
    @WithName("retention-schedule")
    @WithDefault("0 30 2 * * ?")
    String retentionSchedule();
}
