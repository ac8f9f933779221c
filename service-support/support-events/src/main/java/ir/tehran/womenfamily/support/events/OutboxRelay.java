package ir.tehran.womenfamily.support.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.tracing.TraceContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents and marks them published.
 *
 * <p>A commit that wrote outbox rows wakes the relay at once; a poll every {@code events.relay.interval}
 * catches anything else (rows of a crashed instance, the end of a backoff). Rows are read in sequence
 * order under {@code FOR UPDATE SKIP LOCKED}; a transaction-level
 * advisory lock lets one relay pass run at a time across all instances of the service, so that the
 * events of one aggregate are never sent out of order even with several instances. The Kafka key is the
 * aggregate id. When Kafka is unreachable the rows stay unpublished and the relay retries with
 * exponential backoff; a row is marked published only after the broker acknowledged it ({@code acks=all}).
 * A crash between the acknowledgement and the commit re-sends the row, which idempotent consumers absorb.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    @Inject
    Clock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KafkaClients clients;

    @Inject
    EventBackboneConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Tracer tracer;

    private final Set<String> knownTopics = new HashSet<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(
        r -> {
            Thread t = new Thread(r, "outbox-relay-wake");
            t.setDaemon(true);
            return t;
        });
    private KafkaProducer<String, byte[]> producer;
    private Counter published;
    private Duration backoff;
    private Instant nextAttempt = Instant.EPOCH;
    private boolean failing;

    @PostConstruct
    void init() {
        backoff = config.relay().initialBackoff();
        published = meters.counter("outbox.events.published", "service", config.service());
        meters.gauge("outbox.events.pending", List.of(io.micrometer.core.instrument.Tag.of("service",
            config.service())), this, OutboxRelay::pendingCount);
    }

    @Scheduled(every = "${events.relay.interval:1s}", delayed = "1s",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.relay().enabled() || Instant.now(clock).isBefore(nextAttempt)) {
            return;
        }
        relayPending();
    }

    /**
     * Asks for a relay pass soon, off the caller's thread; passes requested while one is queued are
     * coalesced into it. Ignored while backing off after a failure.
     */
    public void wakeUp() {
        if (!config.relay().enabled() || Instant.now(clock).isBefore(nextAttempt)
            || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        waker.execute(() -> {
            wakeQueued.set(false);
            relayPending();
        });
    }

    /** Relays everything pending now; returns the number of events sent, or -1 after a failure. */
    public synchronized int relayPending() {
        int total = 0;
        try {
            int n;
            do {
                n = relayBatch();
                total += n;
            } while (n == config.relay().batchSize());
            if (failing) {
                LOG.infof("outbox relay recovered; %d events published", total);
            }
            failing = false;
            backoff = config.relay().initialBackoff();
            nextAttempt = Instant.EPOCH;
            return total;
        } catch (Exception e) {
            if (!failing) {
                LOG.warnf("outbox relay cannot publish (%s); retrying with backoff", rootMessage(e));
            }
            failing = true;
            closeProducer();
            nextAttempt = Instant.now(clock).plus(backoff);
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(config.relay().maxBackoff()) > 0 ? config.relay().maxBackoff() : doubled;
            return -1;
        }
    }

    /**
     * One batch in one transaction. The rows the broker acknowledged are marked published even when others
     * of the batch failed (the broker went away in the middle of it), so that only the failed ones are sent
     * again: the failure is thrown after the commit.
     */
    private int relayBatch() throws Exception {
        Exception[] failure = new Exception[1];
        int sent = QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!tryRelayLock(c)) {
                    return 0;
                }
                List<Row> rows = lockPending(c, config.relay().batchSize());
                if (rows.isEmpty()) {
                    return 0;
                }
                ensureTopics(rows);
                KafkaProducer<String, byte[]> p = producer();
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    acks.add(send(p, row));
                }
                p.flush();
                List<Row> acknowledged = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    try {
                        acks.get(i).get(20, TimeUnit.SECONDS);
                        acknowledged.add(rows.get(i));
                    } catch (ExecutionException | TimeoutException e) {
                        if (failure[0] == null) {
                            failure[0] = e;
                        }
                    }
                }
                if (!acknowledged.isEmpty()) {
                    markPublished(c, acknowledged);
                    published.increment(acknowledged.size());
                }
                return acknowledged.size();
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return sent;
    }

    private static boolean tryRelayLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, RELAY_LOCK);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<Row> lockPending(Connection c, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, aggregate_type, aggregate_id, event_type, "
                + "schema_version, occurred_at, request_id, payload::text, trace_parent from outbox_event "
                + "where published_at is null order by seq limit ? for update skip locked")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
                        rs.getString(9)));
                }
            }
        }
        return rows;
    }

    private static void markPublished(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update outbox_event set published_at = now(), attempts = attempts + 1 where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
            s.executeUpdate();
        }
    }

    /**
     * Sends one row. A row written under a trace is sent in a producer span, child of the span that wrote
     * it, whose {@code traceparent} goes in the record's headers beside the CloudEvents ones.
     */
    private Future<RecordMetadata> send(KafkaProducer<String, byte[]> p, Row row) {
        ProducerRecord<String, byte[]> record = record(row);
        if (row.traceParent() == null) {
            return p.send(record);
        }
        Context parent = TraceContext.fromTraceparent(row.traceParent());
        Span span = tracer.spanBuilder("publish " + record.topic())
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.operation.type", "send")
            .setAttribute("messaging.destination.name", record.topic())
            .setAttribute("messaging.message.id", row.id().toString())
            .startSpan();
        try {
            String traceparent = TraceContext.traceparent(parent.with(span));
            record.headers().add(TraceContext.TRACEPARENT,
                (traceparent != null ? traceparent : row.traceParent()).getBytes(StandardCharsets.UTF_8));
            return p.send(record, (metadata, failure) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.end();
            throw e;
        }
    }

    private ProducerRecord<String, byte[]> record(Row row) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
            .withId(row.id().toString())
            .withSource(URI.create(config.cloudEventSource()))
            .withType(EventTypes.cloudEventType(config.service(), row.type()))
            .withSubject(row.aggregateId())
            .withTime(row.occurredAt().atOffset(ZoneOffset.UTC))
            .withDataSchema(URI.create(EventTypes.dataSchema(config.service(), row.type(), row.schemaVersion())))
            .withDataContentType("application/json")
            .withData(row.payload().getBytes(StandardCharsets.UTF_8));
        if (row.requestId() != null) {
            builder.withExtension(EventTypes.REQUEST_ID_EXTENSION, row.requestId());
        }
        CloudEvent event = builder.build();
        return KafkaMessageFactory
            .createWriter(config.topic(row.aggregateType()), null, null, row.aggregateId())
            .writeBinary(event);
    }

    private void ensureTopics(List<Row> rows) throws Exception {
        Set<String> wanted = new HashSet<>();
        for (Row row : rows) {
            String topic = config.topic(row.aggregateType());
            if (!knownTopics.contains(topic)) {
                wanted.add(topic);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(clients.admin())) {
            for (String topic : wanted) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, config.partitions(), (short) -1)))
                        .all().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
                knownTopics.add(topic);
            }
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(clients.producer(config.service() + "-outbox-relay"));
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // it is being replaced anyway
            }
            producer = null;
        }
    }

    private double pendingCount() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where published_at is null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
        closeProducer();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    record Row(UUID id, String aggregateType, String aggregateId, String type, int schemaVersion, Instant occurredAt,
            String requestId, String payload, String traceParent) {
    }
}
