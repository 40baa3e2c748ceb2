package org.kesra.events.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayStartTest {

    @Test
    void readsEarliestAnInstantAndOffsetsPerPartition() {
        assertThat(ReplayStart.parse(null)).isInstanceOf(ReplayStart.Earliest.class);
        assertThat(ReplayStart.parse(" earliest ")).isInstanceOf(ReplayStart.Earliest.class);
        assertThat(ReplayStart.parse("2026-12-01T00:00:00Z"))
                .isEqualTo(new ReplayStart.At(Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(ReplayStart.parse("household.events:0=12, household.events:5=0,welfare.events:2=7"))
                .isEqualTo(new ReplayStart.Offsets(Map.of(new TopicPartition("household.events", 0), 12L,
                        new TopicPartition("household.events", 5), 0L, new TopicPartition("welfare.events", 2), 7L)));
    }

    @Test
    void refusesTextThatIsNoneOfThem() {
        assertThatThrownBy(() -> ReplayStart.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yesterday");
        assertThatThrownBy(() -> ReplayStart.parse("household.events=3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic:partition=offset");
    }
}
