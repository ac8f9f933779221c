package ir.tehran.womenfamily.support.events;

import java.nio.charset.StandardCharsets;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import ir.tehran.womenfamily.support.tracing.TraceContext;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads the W3C trace context ({@code traceparent}) the relay put in a Kafka record's headers. */
final class KafkaTraceHeaders {

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private KafkaTraceHeaders() {
    }

    /** The context carried by a Kafka record's {@code traceparent} header (the root context without one). */
    static Context parent(Headers headers) {
        return TraceContext.extract(headers, GETTER);
    }
}
