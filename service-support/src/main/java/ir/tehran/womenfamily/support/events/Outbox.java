package ir.tehran.womenfamily.support.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.support.web.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Writes events to the outbox table in the caller's transaction: the event exists if and only if the
 * change it reports was committed. Nothing here talks to Kafka; {@link OutboxRelay} does that.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Collection<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // Flushing first takes the aggregate's row locks before the outbox sequence numbers are drawn,
        // so two transactions on one aggregate get sequence numbers in their commit order.
        em.flush();
        for (DomainEvent event : events) {
            insert(event);
        }
        wakeRelayAfterCommit();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainEvent event) {
        em.flush();
        insert(event);
        wakeRelayAfterCommit();
    }

    /** The relay polls too, but waking it on commit takes the wait out of the normal path. */
    private void wakeRelayAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private void insert(DomainEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + event.type(), e);
        }
        em.createNativeQuery("insert into outbox_event (id, aggregate_type, aggregate_id, event_type, "
                + "schema_version, occurred_at, request_id, payload) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))")
            .setParameter(1, UUID.randomUUID())
            .setParameter(2, event.aggregateType())
            .setParameter(3, event.aggregateId())
            .setParameter(4, event.type())
            .setParameter(5, event.schemaVersion())
            .setParameter(6, Timestamp.from(Instant.now()))
            .setParameter(7, RequestIds.current())
            .setParameter(8, payload)
            .executeUpdate();
    }
}
