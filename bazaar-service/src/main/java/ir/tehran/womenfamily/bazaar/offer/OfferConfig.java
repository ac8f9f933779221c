package ir.tehran.womenfamily.bazaar.offer;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of waitlist offers. */
@ConfigMapping(prefix = "bazaar.offer")
public interface OfferConfig {

    /**
     * How long a producer has to answer the offer of a freed stall; the deadline is never later than the start
     * (Tehran) of the offered day when that is still to come.
     */
    @WithDefault("24h")
    Duration replyWithin();

    /** How often each replica sweeps for lapsed offers ({@code off} in tests, which sweep with their own instant). */
    @WithDefault("1m")
    String sweepInterval();
}
