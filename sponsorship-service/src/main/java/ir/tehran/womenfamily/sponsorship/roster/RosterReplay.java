package ir.tehran.womenfamily.sponsorship.roster;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.EventTypes;
import ir.tehran.womenfamily.support.events.KafkaClients;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Rebuilds the roster by reading the registry's topics from their beginning up to where they end now, and
 * applying every event again through {@link RosterProjection}, a batch of events per transaction. The
 * projection is idempotent by state, so a replay over an intact roster changes nothing and a replay over
 * a lost or damaged one restores it; it never deletes anything (officers' records hang on the children).
 * The live consumer's processed-event log is left alone. An event that cannot be applied (the live
 * consumer dead-lettered it too) is counted and skipped.
 */
@ApplicationScoped
public class RosterReplay {

    private static final Logger LOG = Logger.getLogger(RosterReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    KafkaClients clients;

    @Inject
    SponsorshipConfig config;

    @Inject
    RosterProjection projection;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    private final AtomicBoolean running = new AtomicBoolean();

    /** Runs a replay to its end and returns its record; 409 while another one runs in this instance. */
    public RosterReplayRun replay(String requestedBy) {
        if (!running.compareAndSet(false, true)) {
            throw ProblemException.conflict("replay-running");
        }
        UUID id = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                RosterReplayRun run = new RosterReplayRun();
                run.id = id;
                run.startedAt = Instant.now(clock);
                run.requestedBy = requestedBy;
                run.status = RosterReplayRun.Status.RUNNING;
                run.persist();
                audit.record(AuditEvent.of("roster.replay", "roster-replay", id));
            });
            Counts counts = new Counts();
            try {
                readAll(counts);
            } catch (RuntimeException e) {
                finish(id, counts, RosterReplayRun.Status.FAILED);
                throw e;
            }
            return finish(id, counts, RosterReplayRun.Status.DONE);
        } finally {
            running.set(false);
        }
    }

    @Transactional
    public Optional<RosterReplayRun> find(UUID id) {
        return RosterReplayRun.findByIdOptional(id);
    }

    private static final class Counts {
        long read;
        long failed;
    }

    private void readAll(Counts counts) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                clients.consumer(config.registry().consumerGroup() + "-replay"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : config.registry().topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            List<ReceivedEvent> batch = new ArrayList<>();
            while (!reached(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    counts.read++;
                    ReceivedEvent event = parse(record);
                    if (event == null) {
                        counts.failed++;
                        continue;
                    }
                    batch.add(event);
                    if (batch.size() >= config.replay().batchSize()) {
                        apply(batch, counts);
                    }
                }
            }
            apply(batch, counts);
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** One transaction for the batch; if it fails, one per event, skipping those that cannot be applied. */
    private void apply(List<ReceivedEvent> batch, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().timeout(300).run(() -> projection.applyBatch(batch));
        } catch (RuntimeException batchFailure) {
            for (ReceivedEvent event : batch) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> projection.apply(event));
                } catch (RuntimeException e) {
                    counts.failed++;
                    LOG.debugf("replay skipped %s (%s): %s", event.id(), event.type(), e.getMessage());
                }
            }
        }
        batch.clear();
    }

    private ReceivedEvent parse(ConsumerRecord<String, byte[]> record) {
        try {
            CloudEvent ce = KafkaMessageFactory.createReader(record).toEvent();
            Object requestId = ce.getExtension(EventTypes.REQUEST_ID_EXTENSION);
            return new ReceivedEvent(ce.getId(), ce.getType(), String.valueOf(ce.getSource()), ce.getSubject(),
                ce.getTime(), ce.getDataSchema() == null ? null : ce.getDataSchema().toString(),
                requestId == null ? null : requestId.toString(), record.topic(), record.partition(), record.offset(),
                ce.getData() == null ? NullNode.getInstance() : json.readTree(ce.getData().toBytes()));
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private RosterReplayRun finish(UUID id, Counts counts, RosterReplayRun.Status status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RosterReplayRun run = RosterReplayRun.findById(id);
            run.finishedAt = Instant.now(clock);
            run.eventsRead = counts.read;
            run.eventsFailed = counts.failed;
            run.children = Child.count();
            run.status = status;
            LOG.infof("roster replay %s %s: %d events read, %d skipped, %d children", id, status, counts.read,
                counts.failed, run.children);
            return run;
        });
    }
}
