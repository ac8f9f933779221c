package ir.tehran.womenfamily.sponsorship.roster;

import java.util.List;

import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.EventConsumers;
import ir.tehran.womenfamily.support.events.EventHandler;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps the roster from the registry's events. Each event is applied exactly once: {@link EventConsumers}
 * records it in the same transaction as its effect, and dead-letters what keeps failing. Each applied event is an
 * entry of the audit log in that transaction too.
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RegistryEventsConsumer.class);

    @Inject
    EventConsumers consumers;

    @Inject
    SponsorshipConfig config;

    @Inject
    RosterProjection projection;

    @Inject
    Audit audit;

    void start(@Observes StartupEvent event) {
        if (config.registry().consume()) {
            consumers.start(config.registry().consumerGroup(), config.registry().topics(), new EventHandler() {
                @Override
                public void handle(ReceivedEvent e) {
                    apply(e);
                }

                @Override
                public AutoCloseable prepare(List<ReceivedEvent> events) {
                    // the group's mothers, children and merges read in three queries, not several per event
                    return projection.prepare(events);
                }
            });
        }
    }

    void apply(ReceivedEvent event) {
        if (!projection.apply(event)) {
            LOG.debugf("ignoring %s", event.type());
            return;
        }
        // by system:consumer:<group>, for the purpose event:<type> (EventConsumers sets both); ids only
        String type = RosterProjection.registryType(event);
        String resource = type.startsWith("child.") ? "child" : type.startsWith("consent.") ? "consent" : "mother";
        audit.record(AuditEvent.of("roster." + type, resource, event.subject()).withDetail("eventId", event.id()));
    }
}
