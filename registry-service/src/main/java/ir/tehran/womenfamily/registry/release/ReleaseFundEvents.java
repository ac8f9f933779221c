package ir.tehran.womenfamily.registry.release;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.support.events.EventConsumers;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads sponsorship's campaign fund events ({@code sponsorship.release-fund}) into the registry's read model of
 * the fund's balance and the answers to its draws ({@link ReleaseFundService}). Each event is applied once:
 * {@link EventConsumers} records its id in the transaction of its effect.
 */
@ApplicationScoped
public class ReleaseFundEvents {

    private static final Logger LOG = Logger.getLogger(ReleaseFundEvents.class);

    @Inject
    EventConsumers consumers;

    @Inject
    ReleaseFundService fund;

    @ConfigProperty(name = "registry.release-fund.topics", defaultValue = "sponsorship.release-fund")
    java.util.List<String> topics;

    @ConfigProperty(name = "registry.release-fund.consume", defaultValue = "true")
    boolean enabled;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start("registry-release-fund", topics, this::apply);
        }
    }

    void apply(ReceivedEvent event) {
        JsonNode d = event.data();
        if (event.is("release-fund.changed")) {
            JsonNode draw = d.path("drawId");
            fund.changed(uuid(d, "fundId"), d.required("sequence").asLong(), d.required("balanceRials").asLong(),
                draw.isTextual() ? UUID.fromString(draw.asText()) : null);
        } else if (event.is("release-fund.draw-refused")) {
            fund.refused(uuid(d, "fundId"), d.required("sequence").asLong(), d.required("balanceRials").asLong(),
                uuid(d, "drawId"));
        } else {
            LOG.debugf("ignoring %s", event.type());
        }
    }

    private static UUID uuid(JsonNode d, String field) {
        return UUID.fromString(d.required(field).asText());
    }
}
