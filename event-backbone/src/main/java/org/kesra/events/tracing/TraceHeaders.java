package org.kesra.events.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context across the event path: captured when an event is written to the outbox (the request's
 * trace), sent as Kafka headers by the relay, and continued by the consumer, so one trace spans
 * gateway, service, event and consumer.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context as W3C header values; empty outside a trace. */
    public Map<String, String> capture() {
        Map<String, String> carrier = new HashMap<>();
        TraceContext context = tracer.currentTraceContext().context();
        if (context != null) {
            propagator.inject(context, carrier, Map::put);
        }
        return carrier;
    }

    /** A started span continuing the trace found in the headers (or a new trace when there is none). */
    public Span continueFrom(Headers headers, String name) {
        Span.Builder builder = propagator.extract(headers, (carrier, key) -> {
            Header header = carrier.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
        return builder.name(name).kind(Span.Kind.CONSUMER).start();
    }

    /**
     * The trace id of the W3C {@code traceparent} header ({@code 00-<trace id>-<parent id>-<flags>}), null without a
     * valid one: what a span continuing that trace would carry, read without starting one.
     */
    public static String traceId(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        if (header == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.US_ASCII);
        String[] parts = value.split("-");
        if (parts.length < 4 || parts[1].length() != 32 || !parts[1].matches("[0-9a-f]{32}")
                || parts[1].equals("00000000000000000000000000000000")) {
            return null;
        }
        return parts[1];
    }

    public Tracer tracer() {
        return tracer;
    }
}
