package ir.tehran.womenfamily.sponsorship.fund;

import java.util.UUID;

import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.support.events.EventConsumers;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Reads the registry's draws on the campaign fund ({@code release-fund.draw-requested} on
 * {@code registry.release-fund}: an opaque draw id and an amount, nothing else) and pays each once
 * ({@link ReleaseFundService#draw}), in the transaction that records the event as processed.
 */
@ApplicationScoped
public class ReleaseFundDraws {

    private static final Logger LOG = Logger.getLogger(ReleaseFundDraws.class);

    @Inject
    EventConsumers consumers;

    @Inject
    SponsorshipConfig config;

    @Inject
    ReleaseFundService service;

    void start(@Observes StartupEvent event) {
        if (config.registry().consume()) {
            consumers.start(config.releaseFund().consumerGroup(), config.releaseFund().topics(), this::apply);
        }
    }

    void apply(ReceivedEvent event) {
        if (!event.is("release-fund.draw-requested")) {
            LOG.debugf("ignoring %s", event.type());
            return;
        }
        long amount = event.data().required("amountRials").asLong();
        service.draw(UUID.fromString(event.data().required("drawId").asText()), amount);
    }
}
