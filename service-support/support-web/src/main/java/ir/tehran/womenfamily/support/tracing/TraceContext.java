package ir.tehran.womenfamily.support.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context ({@code traceparent}) as it travels outside HTTP: stored with an outbox row, put in
 * the headers of the Kafka record, and read back by the consumer, so that one request is one trace from the
 * gateway to every consumer of its events.
 */
public final class TraceContext {

    /** The W3C header, also the Kafka header's name (events.KafkaTraceHeaders). */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> map) {
            return map.keySet();
        }

        @Override
        public String get(Map<String, String> map, String key) {
            return map == null ? null : map.get(key);
        }
    };

    private TraceContext() {
    }

    /** The {@code traceparent} of the current span, or null when there is none (tracing off, no request). */
    public static String currentTraceparent() {
        return traceparent(Context.current());
    }

    /** The {@code traceparent} of the span in {@code context}, or null when it has none. */
    public static String traceparent(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context a stored {@code traceparent} names (the root context when it is null or malformed). */
    public static Context fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
    }

    /** The context a carrier of W3C headers (a Kafka record's, say) names; the root context without one. */
    public static <C> Context extract(C carrier, TextMapGetter<C> getter) {
        return W3C.extract(Context.root(), carrier, getter);
    }
}
