package org.kesra.events.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

    private static RecordHeaders traceparent(String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceHeaders.TRACEPARENT, value.getBytes(StandardCharsets.US_ASCII));
        return headers;
    }

    @Test
    void aReplayedEventKeepsTheTraceIdOfItsTraceparentHeader() {
        assertThat(TraceHeaders.traceId(traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void noHeaderOrAMalformedOneGivesNoTraceId() {
        assertThat(TraceHeaders.traceId(new RecordHeaders())).isNull();
        assertThat(TraceHeaders.traceId(traceparent("00-xyz-00f067aa0ba902b7-01"))).isNull();
        assertThat(TraceHeaders.traceId(traceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")))
                .isNull();
        assertThat(TraceHeaders.traceId(traceparent("garbage"))).isNull();
    }
}
