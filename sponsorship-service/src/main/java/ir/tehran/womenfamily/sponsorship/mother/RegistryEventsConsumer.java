package ir.tehran.womenfamily.sponsorship.mother;

import java.time.Instant;
import java.util.List;
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
 * Keeps the local roster of mothers from the registry's events. Each event is applied exactly once:
 * {@link EventConsumers} records it in the same transaction as its effect.
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RegistryEventsConsumer.class);

    @Inject
    EventConsumers consumers;

    @ConfigProperty(name = "sponsorship.registry-topics")
    List<String> topics;

    void start(@Observes StartupEvent event) {
        consumers.start("sponsorship-registry", topics, this::apply);
    }

    void apply(ReceivedEvent event) {
        if (event.is("beneficiary.registered")) {
            registered(event);
        } else {
            LOG.debugf("ignoring %s", event.type());
        }
    }

    private void registered(ReceivedEvent event) {
        JsonNode data = event.data();
        UUID id = UUID.fromString(data.required("beneficiaryId").asText());
        if (Mother.findById(id) != null) {
            return;
        }
        Mother m = new Mother();
        m.beneficiaryId = id;
        m.registeredOn = data.path("registeredOn").asText(null);
        JsonNode district = data.path("district");
        m.district = district.isIntegralNumber() ? (short) district.asInt() : null;
        m.firstSeenAt = Instant.now();
        m.sourceEventId = event.id();
        m.persist();
    }
}
