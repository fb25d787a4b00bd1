package io.accessplane.platform.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Drops finished spans when no OTLP collector is configured, so a service without one (the local
 * stack, tests) still traces (its events carry {@code traceparent}) but never tries, and fails, to
 * export to the default {@code localhost:4317} every few seconds. Quarkus's OTLP exporter steps
 * aside while a {@code SpanExporter} bean is resolvable; this one is resolvable only while both
 * {@code quarkus.otel.exporter.otlp.endpoint} and {@code quarkus.otel.exporter.otlp.traces.endpoint}
 * keep Quarkus's default ({@value #DEFAULT_ENDPOINT}), i.e. while nobody named a collector. (A
 * collector on this host is named {@code http://localhost:4317}, without the slash, or by address.)
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoCollectorSpanExporter.DEFAULT_ENDPOINT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint",
        stringValue = NoCollectorSpanExporter.DEFAULT_ENDPOINT, lookupIfMissing = true)
public class NoCollectorSpanExporter implements SpanExporter {

    /** Quarkus's default OTLP endpoint, which stands for "no collector named". */
    public static final String DEFAULT_ENDPOINT = "http://localhost:4317/";

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
}
