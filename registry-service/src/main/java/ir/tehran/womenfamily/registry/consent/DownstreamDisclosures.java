package ir.tehran.womenfamily.registry.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Reads the {@code disclosure.recorded} events of the bazaar ({@code bazaar.disclosure}) and sponsorship
 * ({@code sponsorship.disclosure}) into her disclosure log ({@link DisclosureLog#reported}), so that
 * {@code GET /beneficiaries/{id}/disclosures} lists what those services shared of her too. Each event is applied
 * once: {@link EventConsumers} records its id in the transaction of its row, and the row keeps the event's
 * disclosure id. A service reports only shares under its own purpose (the bazaar {@code BAZAAR_PUBLICATION},
 * sponsorship {@code SPONSORSHIP}); a report under another purpose is refused (and dead-lettered). The service is
 * taken from the topic, whose writer the broker's ACLs restrict to that service, not from the payload.
 */
@ApplicationScoped
public class DownstreamDisclosures {

    private static final Logger LOG = Logger.getLogger(DownstreamDisclosures.class);

    /** The purpose each reporting service shares under, by the first part of its topics' names. */
    static final Map<String, ConsentPurpose> PURPOSE_OF_SERVICE = Map.of(
        "bazaar", ConsentPurpose.BAZAAR_PUBLICATION,
        "sponsorship", ConsentPurpose.SPONSORSHIP);

    @Inject
    EventConsumers consumers;

    @Inject
    DisclosureLog log;

    @ConfigProperty(name = "registry.disclosure-topics")
    List<String> topics;

    @ConfigProperty(name = "registry.consume-disclosures", defaultValue = "true")
    boolean enabled;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start("registry-disclosures", topics, this::apply);
        }
    }

    void apply(ReceivedEvent event) {
        if (!event.is("disclosure.recorded")) {
            LOG.debugf("ignoring %s", event.type());
            return;
        }
        String service = event.topic().substring(0, Math.max(0, event.topic().indexOf('.')));
        ConsentPurpose expected = PURPOSE_OF_SERVICE.get(service);
        JsonNode d = event.data();
        ConsentPurpose purpose = ConsentPurpose.valueOf(d.required("purpose").asText());
        if (expected == null || purpose != expected) {
            throw new IllegalArgumentException(event.topic() + " may not report a share under " + purpose);
        }
        JsonNode reference = d.path("reference");
        log.reported(new DisclosureLog.Reported(uuid(d, "disclosureId"), service, uuid(d, "beneficiaryId"), purpose,
            uuid(d, "consentId"), d.required("what").asText(), d.required("recipient").asText(),
            reference.isTextual() ? reference.asText() : null, Instant.parse(d.required("at").asText())));
    }

    private static UUID uuid(JsonNode d, String field) {
        return UUID.fromString(d.required(field).asText());
    }
}
