package io.accessplane.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

/** The trace context an event takes from the current span, and its JSON form. */
class EventTracingTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";

    static CloudEvent event() {
        return CloudEvent.create("/accessplane/test", EventTypes.of("widget", "created"), "w1", "p", null);
    }

    @Test
    void anEventWrittenInsideASpanCarriesItsTraceparentAndTracestate() throws Exception {
        TraceState state = TraceState.builder().put("vendor", "v1").put("other", "o2").build();
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), state));
        CloudEvent traced;
        try (Scope ignored = span.makeCurrent()) {
            traced = EventTracing.withCurrentTrace(event());
        }
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", traced.traceparent());
        assertEquals(2, traced.tracestate().split(",").length, traced.tracestate());
        JsonNode json = EventJson.mapper().readTree(EventJson.write(traced));
        assertEquals(traced.traceparent(), json.get("traceparent").asText(), "a top-level CloudEvents attribute");
        assertEquals(traced, EventJson.read(EventJson.write(traced)));
    }

    @Test
    void anUnsampledSpanKeepsItsFlags() {
        Span span = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getDefault(), TraceState.getDefault()));
        try (Scope ignored = span.makeCurrent()) {
            CloudEvent traced = EventTracing.withCurrentTrace(event());
            assertEquals("00-" + TRACE + "-" + SPAN + "-00", traced.traceparent());
            assertNull(traced.tracestate(), "no tracestate when the state is empty");
        }
    }

    @Test
    void withoutAValidSpanTheEventHasNoTraceContext() throws Exception {
        CloudEvent plain = event();
        assertSame(plain, EventTracing.withCurrentTrace(plain));
        JsonNode json = EventJson.mapper().readTree(EventJson.write(plain));
        assertEquals(false, json.has("traceparent"));
        assertEquals(false, json.has("tracestate"));
    }

    @Test
    void anExistingTraceContextIsKept() {
        CloudEvent given = event().withTraceContext("00-" + TRACE + "-" + SPAN + "-01", null);
        Span other = Span.wrap(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault()));
        try (Scope ignored = other.makeCurrent()) {
            assertSame(given, EventTracing.withCurrentTrace(given));
        }
    }
}
