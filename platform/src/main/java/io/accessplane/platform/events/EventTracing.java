package io.accessplane.platform.events;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;

/**
 * Copies the current OpenTelemetry span's W3C trace context into an event, as the CloudEvents
 * distributed-tracing extension ({@code traceparent}, {@code tracestate}), so the audit record of a
 * change leads back to the trace of the request that made it.
 */
public final class EventTracing {

    private EventTracing() {
    }

    /**
     * The event with the current span's trace context; unchanged when it already carries one or
     * when there is no valid current span (a background job, tracing off).
     */
    public static CloudEvent withCurrentTrace(CloudEvent event) {
        if (event.traceparent() != null) {
            return event;
        }
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return event;
        }
        return event.withTraceContext(traceparent(context), tracestate(context.getTraceState()));
    }

    /** {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
    static String traceparent(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The W3C {@code tracestate} header value, or null when the state is empty. */
    static String tracestate(TraceState state) {
        if (state == null || state.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        state.forEach((key, value) -> {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(key).append('=').append(value);
        });
        return text.toString();
    }
}
