package ir.tehran.womenfamily.sponsorship.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.sponsorship.Tokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The consumer continues the trace that the producer put in the Kafka record's {@code traceparent} header: its
 * processing span is a child of that span, and what it logs meanwhile carries the trace id.
 */
@QuarkusTest
class ConsumerTraceTest {

    private static final String TOPIC = "registry.beneficiary";
    private static final String SCHEMA = "urn:women-family:events:registry:beneficiary.registered:v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theConsumersSpanIsAChildOfTheSpanInTheHeaders() {
        String traceId = hex(16);
        String producerSpan = hex(8);
        UUID id = UUID.randomUUID();
        String data = "{\"beneficiaryId\":\"" + id + "\",\"registeredAt\":\"" + Instant.now()
            + "\",\"registeredOn\":\"1403-08-01\"}";
        new EventProbe(bootstrap).sendCloudEvent(TOPIC, id.toString(), Map.of(
            "id", UUID.randomUUID().toString(),
            "source", "/women-family/registry",
            "type", "ir.tehran.womenfamily.registry.beneficiary.registered",
            "subject", id.toString(),
            "time", Instant.now().toString(),
            "dataschema", SCHEMA), data,
            Map.of("traceparent", "00-" + traceId + "-" + producerSpan + "-01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + id)
                .then().statusCode(200).body("registeredOn", equalTo("1403-08-01")));
        SpanData span = await().atMost(Duration.ofSeconds(30)).until(() -> find(traceId), Optional::isPresent)
            .orElseThrow();
        assertEquals("process " + TOPIC, span.getName());
        assertEquals(SpanKind.CONSUMER, span.getKind());
        assertEquals(producerSpan, span.getParentSpanId());
    }

    @Test
    void whatTheConsumerLogsCarriesTheTraceId() {
        String traceId = hex(16);
        List<String> traceIds = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && ext.getFormattedMessage().contains("dead-letter")) {
                    traceIds.add(String.valueOf(ext.getMdc("traceId")));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("ir.tehran.womenfamily.support.events.EventConsumers");
        logger.addHandler(handler);
        try {
            // not a CloudEvent at all: the consumer dead-letters it and says so in its log, within its span
            new EventProbe(bootstrap).sendCloudEvent(TOPIC, UUID.randomUUID().toString(), Map.of(), "not json",
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
            await().atMost(Duration.ofSeconds(30)).until(() -> traceIds.contains(traceId));
        } finally {
            logger.removeHandler(handler);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> find(traceId).isPresent());
    }

    private Optional<SpanData> find(String traceId) {
        return spans.getFinishedSpanItems().stream()
            .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER)
            .findFirst();
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(b);
        } while (b[0] == 0);
        return HexFormat.of().formatHex(b);
    }
}
