package ir.tehran.womenfamily.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads and writes real Kafka records in tests: every record of a topic from the beginning, and
 * CloudEvents in binary mode, as a producer service would send them.
 */
public final class EventProbe {

    private final String bootstrapServers;

    public EventProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A record as the test sees it: key, CloudEvents headers without their {@code ce_} prefix, JSON value. */
    public record Message(String topic, String key, Map<String, String> headers, String value) {

        public String ce(String attribute) {
            return headers.get("ce_" + attribute);
        }
    }

    /** All records of {@code topic} now, from the beginning. */
    public List<Message> readAll(String topic, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<Message> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = c.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return out;
            }
            List<TopicPartition> tps = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !reached(c, end)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.add(toMessage(r));
                }
            }
        }
        return out;
    }

    /** Waits until a record of {@code topic} matches, and returns it. */
    public Message await(String topic, Predicate<Message> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Message m : readAll(topic, Duration.ofSeconds(5))) {
                if (match.test(m)) {
                    return m;
                }
            }
            KafkaBroker.sleep(200);
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout);
    }

    private static boolean reached(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }

    private static Message toMessage(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Message(r.topic(), r.key(), headers,
            r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
    }

    /** Sends a CloudEvent in Kafka binary mode, as the services' outbox relay does. */
    public void sendCloudEvent(String topic, String key, Map<String, String> attributes, String jsonData) {
        sendCloudEvent(topic, key, attributes, jsonData, Map.of());
    }

    /** Like {@link #sendCloudEvent(String, String, Map, String)}, with more headers as given (e.g. traceparent). */
    public void sendCloudEvent(String topic, String key, Map<String, String> attributes, String jsonData,
            Map<String, String> headers) {
        send(topic, List.of(new Outgoing(key, attributes, jsonData, headers)));
    }

    /** A CloudEvent to send: its key, its attributes (without the {@code ce_} prefix), its data, more headers. */
    public record Outgoing(String key, Map<String, String> attributes, String jsonData, Map<String, String> headers) {
    }

    /** Sends the events in one go from one producer, in their order (to one partition when they share a key). */
    public void send(String topic, List<Outgoing> events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (Outgoing e : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, e.key(),
                    e.jsonData() == null ? null : e.jsonData().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                e.attributes().forEach((k, v) -> record.headers().add("ce_" + k, v.getBytes(StandardCharsets.UTF_8)));
                e.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Sends raw bytes that are not a CloudEvent at all. */
    public void sendRaw(String topic, String key, String value) {
        sendCloudEvent(topic, key, Map.of(), value);
    }
}
