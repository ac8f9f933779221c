package ir.tehran.womenfamily.support.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Tehran, where every calendar day of this system is counted: "today", the day of an instant, the first
 * moment of a day. The zone is declared here and nowhere else; the clock comes from {@link SystemClock}.
 */
public final class Tehran {

    /** The zone's id, for annotations and SQL that need a constant text. */
    public static final String ZONE_ID = "Asia/Tehran";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private Tehran() {
    }

    /** Today in Tehran by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The Tehran day of an instant, or null for null. */
    public static LocalDate dayOf(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toLocalDate();
    }

    /** The first moment of a day in Tehran. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
