package ir.tehran.womenfamily.support.tracing;

import java.util.Collection;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans stay in the process unless {@code tracing.otlp.enabled=true}: they are still made, carried over HTTP and
 * Kafka and named in the logs (the trace id), but sent nowhere, so a machine without a collector logs no export
 * failures. With {@code tracing.otlp.enabled=true} this exporter steps aside and Quarkus's OTLP exporter sends
 * every span to {@code quarkus.otel.exporter.otlp.endpoint} (a collector such as Jaeger), a setting read at start.
 */
@ApplicationScoped
public class SpanExport {

    @Produces
    @Singleton
    @LookupUnlessProperty(name = "tracing.otlp.enabled", stringValue = "true")
    SpanExporter keepInProcess() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
