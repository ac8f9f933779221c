package ir.tehran.womenfamily.support.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.support.tracing.TraceContext;
import ir.tehran.womenfamily.support.tracing.RequestIds;
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
    Clock clock;

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
        insertAll(events);
        wakeRelayAfterCommit();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainEvent event) {
        em.flush();
        insert(event);
        wakeRelayAfterCommit();
    }

    /**
     * One event as the outbox row {@link #append} would write, for a caller that writes many rows set-based
     * (streamed with {@code COPY} into a staging table, then {@code INSERT ... SELECT} into {@code outbox_event},
     * in the order of the list): the same columns, the same JSON, the request id and trace context of the
     * current work. The caller then calls {@link #written()} in the same transaction.
     */
    public Row row(DomainEvent event, Instant occurredAt) {
        return new Row(UUID.randomUUID(), event.aggregateType(), event.aggregateId(), event.type(),
            event.schemaVersion(), occurredAt, RequestIds.current(), TraceContext.currentTraceparent(),
            payload(event));
    }

    /** Rows from {@link #row} were written in the current transaction: wakes the relay once it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void written() {
        wakeRelayAfterCommit();
    }

    /** The columns of one outbox row, {@code payload} as JSON text. */
    public record Row(UUID id, String aggregateType, String aggregateId, String type, int schemaVersion,
            Instant occurredAt, String requestId, String traceParent, String payload) {
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

    private static final String INSERT = "insert into outbox_event (id, aggregate_type, aggregate_id, event_type, "
        + "schema_version, occurred_at, request_id, trace_parent, payload) "
        + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))";

    private void insert(DomainEvent event) {
        insertAll(java.util.List.of(event));
    }

    /**
     * One JDBC batch for all the events, on the transaction's own connection. Each row keeps the request id
     * and the trace context ({@code traceparent}) of the work that caused it, for the relay to pass on.
     */
    private void insertAll(Collection<DomainEvent> events) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        String requestId = RequestIds.current();
        String traceparent = TraceContext.currentTraceparent();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (DomainEvent event : events) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, event.aggregateType());
                    ps.setString(3, event.aggregateId());
                    ps.setString(4, event.type());
                    ps.setInt(5, event.schemaVersion());
                    ps.setTimestamp(6, now);
                    ps.setString(7, requestId);
                    ps.setString(8, traceparent);
                    ps.setString(9, payload(event));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    private String payload(DomainEvent event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable: " + event.type(), e);
        }
    }
}
