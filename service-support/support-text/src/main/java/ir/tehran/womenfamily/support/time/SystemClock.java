package ir.tehran.womenfamily.support.time;

import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock of every service: inject {@link Clock} wherever "now" or "today" is needed, never
 * {@code Clock.systemUTC()} or {@code Instant.now()}. It is UTC; a day is counted in Tehran with
 * {@link Tehran#today(Clock)}. A default bean: a test (or a demo) that declares its own {@code Clock} producer
 * replaces it.
 */
@Dependent
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
