package ir.tehran.womenfamily.support.events;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.agroal.api.AgroalDataSource;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import ir.tehran.womenfamily.support.audit.AuditContext;
import ir.tehran.womenfamily.support.db.DatabaseOutage;
import ir.tehran.womenfamily.support.tracing.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Idempotent Kafka consumers. For each event, in one database transaction: record its id in
 * {@code processed_event} (skipping it if already there) and apply it. Up to
 * {@code events.consumer.batch-size} events of one partition share that transaction; when it fails for
 * another reason than a database outage, they are applied again one by one. Offsets are committed only
 * after that commit. An event that keeps failing goes, after the configured attempts, to
 * {@code <topic>.DLT} with its error, and the partition moves on. A failure because the database is out
 * of reach is not the event's: it counts no attempt, and the event is read again until the database answers.
 * The handler runs in an {@link AuditContext}:
 * what it records in the audit log is by {@code system:consumer:<name>}, for the purpose {@code event:<type>},
 * with the request id the event carries.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    /** The log context keys of the trace, as the HTTP layer sets them. */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    @Inject
    KafkaClients clients;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventBackboneConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    /** The wait before events are read again while the database is out of reach. */
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(1);

    @Inject
    Tracer tracer;

    private final List<Loop> loops = new ArrayList<>();
    private KafkaProducer<String, byte[]> deadLetters;

    /** Starts a consumer group {@code name} on {@code topics}; the handler runs on its own thread. */
    public synchronized void start(String name, List<String> topics, EventHandler handler) {
        Loop loop = new Loop(name, topics, handler);
        loops.add(loop);
        Thread thread = new Thread(loop, "consumer-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        List<Loop> running;
        synchronized (this) {
            running = new ArrayList<>(loops);
        }
        running.forEach(Loop::stop);
        synchronized (this) {
            if (deadLetters != null) {
                deadLetters.close(Duration.ofSeconds(2));
            }
        }
    }

    private synchronized KafkaProducer<String, byte[]> deadLetterProducer() {
        if (deadLetters == null) {
            deadLetters = new KafkaProducer<>(clients.producer(config.service() + "-dead-letters"));
        }
        return deadLetters;
    }

    /** What became of a group of events applied in one transaction. */
    enum GroupOutcome {
        /** Applied (or found already applied) and committed. */
        COMMITTED,
        /** The database is out of reach: nothing was applied, and the group is read again. */
        DATABASE_DOWN,
        /** One of them cannot be read or failed: nothing was applied, and each is applied alone. */
        ONE_BY_ONE
    }

    private final class Loop implements Runnable {

        private final String name;
        private final List<String> topics;
        private final EventHandler handler;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile KafkaConsumer<String, byte[]> consumer;
        private boolean databaseDown;
        private final Thread.UncaughtExceptionHandler crash = (t, e) -> LOG.errorf(e, "consumer %s stopped", t);

        Loop(String name, List<String> topics, EventHandler handler) {
            this.name = name;
            this.topics = List.copyOf(topics);
            this.handler = handler;
        }

        @Override
        public void run() {
            Thread.currentThread().setUncaughtExceptionHandler(crash);
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(clients.consumer(name))) {
                consumer = c;
                c.subscribe(topics);
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        handleBatch(c, records);
                    }
                }
            } catch (WakeupException e) {
                if (running.get()) {
                    throw e;
                }
            }
        }

        private void handleBatch(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (TopicPartition tp : records.partitions()) {
                if (!running.get()) {
                    break;
                }
                handlePartition(c, tp, records.records(tp), done);
            }
            if (!done.isEmpty()) {
                try {
                    c.commitSync(done);
                } catch (RuntimeException e) {
                    // redelivered events are skipped by the processed-event log
                    LOG.warnf("consumer %s could not commit offsets: %s", name, e.getMessage());
                }
            }
        }

        /**
         * Handles the records of one partition in groups of {@code events.consumer.batch-size}, noting in
         * {@code done} the offset after the last settled one. It stops at the first record it could not settle
         * (the database is out of reach, or not even the dead-letter topic takes it), which the next poll reads
         * again, and when the consumer stops.
         */
        private void handlePartition(KafkaConsumer<String, byte[]> c, TopicPartition tp,
                List<ConsumerRecord<String, byte[]>> all, Map<TopicPartition, OffsetAndMetadata> done) {
            int size = Math.max(1, config.consumer().batchSize());
            for (int from = 0; from < all.size() && running.get(); from += size) {
                List<ConsumerRecord<String, byte[]>> group = all.subList(from, Math.min(from + size, all.size()));
                GroupOutcome outcome = group.size() > 1 ? applyTogether(group) : GroupOutcome.ONE_BY_ONE;
                switch (outcome) {
                    case COMMITTED -> done.put(tp, new OffsetAndMetadata(group.get(group.size() - 1).offset() + 1));
                    case DATABASE_DOWN -> {
                        c.seek(tp, group.get(0).offset());
                        return;
                    }
                    case ONE_BY_ONE -> {
                        if (!processEach(c, tp, group, done)) {
                            return;
                        }
                    }
                    default -> throw new IllegalStateException(outcome.name());
                }
            }
        }

        /**
         * Processes the records one at a time, each in its own transaction, noting each settled one in
         * {@code done}; false when it stopped before the end: a record was not settled (the consumer seeks back to
         * it) or the consumer stops.
         */
        private boolean processEach(KafkaConsumer<String, byte[]> c, TopicPartition tp,
                List<ConsumerRecord<String, byte[]>> group, Map<TopicPartition, OffsetAndMetadata> done) {
            for (ConsumerRecord<String, byte[]> record : group) {
                if (!running.get()) {
                    return false;
                }
                if (!process(record)) {
                    // could not even dead-letter it (Kafka is down): read it again on the next poll
                    c.seek(tp, record.offset());
                    return false;
                }
                done.put(tp, new OffsetAndMetadata(record.offset() + 1));
            }
            return true;
        }

        /**
         * Applies a group of events of one partition in one transaction: {@link GroupOutcome#COMMITTED} when it
         * committed, {@link GroupOutcome#DATABASE_DOWN} when the database is out of reach, and
         * {@link GroupOutcome#ONE_BY_ONE} when one of them cannot be read or failed (the transaction left
         * nothing behind).
         */
        private GroupOutcome applyTogether(List<ConsumerRecord<String, byte[]>> group) {
            List<ReceivedEvent> events = new ArrayList<>(group.size());
            try {
                for (ConsumerRecord<String, byte[]> record : group) {
                    events.add(parse(record));
                }
            } catch (RuntimeException e) {
                return GroupOutcome.ONE_BY_ONE;
            }
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> {
                    Set<String> fresh = markAllProcessed(events);
                    List<ReceivedEvent> toApply = events.stream().filter(e -> fresh.contains(e.id())).toList();
                    int n = 0;
                    try (AutoCloseable prepared = handler.prepare(toApply)) {
                        for (int i = 0; i < group.size(); i++) {
                            ReceivedEvent event = events.get(i);
                            // an id twice in the group is applied once, the first time
                            boolean first = fresh.remove(event.id());
                            if (inSpan(group.get(i), () -> first && applyMarked(event))) {
                                n++;
                            }
                        }
                    }
                    return n;
                });
                meters.counter("events.consumed", "consumer", name, "outcome", "applied").increment(applied);
                meters.counter("events.consumed", "consumer", name, "outcome", "duplicate")
                    .increment(group.size() - applied);
                databaseUp();
                return GroupOutcome.COMMITTED;
            } catch (Exception e) {
                if (DatabaseOutage.isCause(e)) {
                    databaseDown(e);
                    return GroupOutcome.DATABASE_DOWN;
                }
                LOG.debugf("consumer %s: a group of %d events failed together (%s); one by one", name, group.size(),
                    describe(e));
                return GroupOutcome.ONE_BY_ONE;
            }
        }

        /** In the caller's transaction: records the event as processed and applies it, unless it was already. */
        private boolean applyOnce(ReceivedEvent event) throws Exception {
            String previous = RequestIds.current();
            RequestIds.set(event.requestId());
            try {
                if (!markProcessed(event, "applied")) {
                    return false;
                }
                // what the handler records in the audit log is the service's doing, for this event
                AuditContext.call("consumer:" + name, "event:" + event.type(), () -> {
                    handler.handle(event);
                    return null;
                });
                return true;
            } finally {
                RequestIds.set(previous);
            }
        }

        /** In the caller's transaction: applies an event already recorded as processed there. */
        private boolean applyMarked(ReceivedEvent event) throws Exception {
            String previous = RequestIds.current();
            RequestIds.set(event.requestId());
            try {
                AuditContext.call("consumer:" + name, "event:" + event.type(), () -> {
                    handler.handle(event);
                    return null;
                });
                return true;
            } finally {
                RequestIds.set(previous);
            }
        }

        /**
         * In the caller's transaction, one statement for a group: records its events as processed (applied) and
         * answers the ids of those that were not already.
         */
        private Set<String> markAllProcessed(List<ReceivedEvent> events) throws SQLException {
            Set<String> fresh = new HashSet<>();
            try (Connection conn = dataSource.getConnection();
                 PreparedStatement s = conn.prepareStatement("insert into processed_event "
                     + "(consumer, event_id, topic, partition_no, offset_no, outcome) "
                     + "select ?, e.id, e.topic, e.partition_no, e.offset_no, 'applied' "
                     + "from unnest(?::text[], ?::text[], ?::int[], ?::bigint[]) "
                     + "as e(id, topic, partition_no, offset_no) "
                     + "on conflict do nothing returning event_id")) {
                s.setString(1, name);
                s.setArray(2, conn.createArrayOf("text", events.stream().map(ReceivedEvent::id).toArray()));
                s.setArray(3, conn.createArrayOf("text", events.stream().map(ReceivedEvent::topic).toArray()));
                s.setArray(4, conn.createArrayOf("integer", events.stream().map(ReceivedEvent::partition).toArray()));
                s.setArray(5, conn.createArrayOf("bigint", events.stream().map(ReceivedEvent::offset).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        fresh.add(rs.getString(1));
                    }
                }
            }
            return fresh;
        }

        /**
         * True when the record is settled: applied, already seen, or dead-lettered.
         */
        private boolean process(ConsumerRecord<String, byte[]> record) {
            try {
                return inSpan(record, () -> processInSpan(record));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // processInSpan throws nothing checked
                throw new IllegalStateException(e);
            }
        }

        /**
         * Runs {@code work} in one consumer span, child of the trace context in the record's {@code traceparent}
         * header (a new trace without one), current while it runs, with its trace id in the log context. A
         * false answer marks the span as an error (not settled; read again).
         */
        private boolean inSpan(ConsumerRecord<String, byte[]> record, java.util.concurrent.Callable<Boolean> work)
                throws Exception {
            Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(KafkaTraceHeaders.parent(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", name)
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
            Object previousTraceId = MDC.get(TRACE_ID);
            Object previousSpanId = MDC.get(SPAN_ID);
            try (Scope scope = span.makeCurrent()) {
                MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
                MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
                boolean settled = work.call();
                if (!settled) {
                    span.setStatus(StatusCode.ERROR, "not settled; read again");
                }
                return settled;
            } catch (Exception e) {
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                throw e;
            } finally {
                span.end();
                restore(TRACE_ID, previousTraceId);
                restore(SPAN_ID, previousSpanId);
            }
        }

        private boolean processInSpan(ConsumerRecord<String, byte[]> record) {
            ReceivedEvent event;
            try {
                event = parse(record);
            } catch (RuntimeException e) {
                return deadLetter(record, null, "unreadable event: " + e.getMessage());
            }
            RequestIds.set(event.requestId());
            try {
                Exception last = null;
                int attempts = config.consumer().maxAttempts();
                for (int attempt = 1; attempt <= attempts; attempt++) {
                    try {
                        boolean applied = QuarkusTransaction.requiringNew().call(() -> applyOnce(event));
                        meters.counter("events.consumed", "consumer", name, "outcome",
                            applied ? "applied" : "duplicate").increment();
                        databaseUp();
                        return true;
                    } catch (Exception e) {
                        if (DatabaseOutage.isCause(e)) {
                            // not the event's fault: it is read again once the database answers
                            databaseDown(e);
                            return false;
                        }
                        last = e;
                        LOG.debugf("consumer %s: attempt %d at event %s failed: %s", name, attempt, event.id(),
                            e.getMessage());
                        sleep(config.consumer().retryBackoff().multipliedBy(attempt));
                    }
                }
                return deadLetter(record, event, describe(last));
            } finally {
                RequestIds.set(null);
            }
        }

        /** Logs the start of an outage once and waits a little before the events are read again. */
        private void databaseDown(Exception e) {
            if (!databaseDown) {
                databaseDown = true;
                LOG.warnf("consumer %s: the database is unavailable (%s); events wait until it answers", name,
                    describe(e));
            }
            sleep(OUTAGE_PAUSE);
        }

        private void databaseUp() {
            if (databaseDown) {
                databaseDown = false;
                LOG.infof("consumer %s: the database answers again; consuming", name);
            }
        }

        private boolean markProcessed(ReceivedEvent event, String outcome) throws SQLException {
            try (Connection conn = dataSource.getConnection();
                 PreparedStatement s = conn.prepareStatement("insert into processed_event "
                     + "(consumer, event_id, topic, partition_no, offset_no, outcome) values (?, ?, ?, ?, ?, ?) "
                     + "on conflict do nothing")) {
                s.setString(1, name);
                s.setString(2, event.id());
                s.setString(3, event.topic());
                s.setInt(4, event.partition());
                s.setLong(5, event.offset());
                s.setString(6, outcome);
                return s.executeUpdate() == 1;
            }
        }

        private boolean deadLetter(ConsumerRecord<String, byte[]> record, ReceivedEvent event, String error) {
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.add("dlt-error", truncate(error).getBytes(StandardCharsets.UTF_8));
            headers.add("dlt-consumer", name.getBytes(StandardCharsets.UTF_8));
            headers.add("dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            headers.add("dlt-original-partition",
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
            headers.add("dlt-original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
            try {
                deadLetterProducer().send(new ProducerRecord<>(record.topic() + EventTypes.DLT_SUFFIX, null,
                    record.key(), record.value(), headers)).get(20, TimeUnit.SECONDS);
                if (event != null) {
                    QuarkusTransaction.requiringNew().call(() -> markProcessed(event, "dead-lettered"));
                }
                meters.counter("events.consumed", "consumer", name, "outcome", "dead-lettered").increment();
                LOG.warnf("consumer %s sent %s/%d@%d to the dead-letter topic: %s", name, record.topic(),
                    record.partition(), record.offset(), truncate(error));
                return true;
            } catch (Exception e) {
                LOG.warnf("consumer %s cannot dead-letter %s@%d yet: %s", name, record.topic(), record.offset(),
                    e.getMessage());
                sleep(Duration.ofSeconds(1));
                return false;
            }
        }

        private ReceivedEvent parse(ConsumerRecord<String, byte[]> record) {
            CloudEvent ce = KafkaMessageFactory.createReader(record).toEvent();
            Object requestId = ce.getExtension(EventTypes.REQUEST_ID_EXTENSION);
            try {
                return new ReceivedEvent(ce.getId(), ce.getType(), String.valueOf(ce.getSource()), ce.getSubject(),
                    ce.getTime(), ce.getDataSchema() == null ? null : ce.getDataSchema().toString(),
                    requestId == null ? null : requestId.toString(), record.topic(), record.partition(),
                    record.offset(), ce.getData() == null ? NullNode.getInstance()
                        : json.readTree(ce.getData().toBytes()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("data is not JSON", e);
            }
        }

        void stop() {
            running.set(false);
            KafkaConsumer<String, byte[]> c = consumer;
            if (c != null) {
                c.wakeup();
            }
        }
    }

    private static void restore(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static String describe(Exception e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
