package org.kesra.reporting.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The lag in events: per partition the end minus what the models applied or the live group passed. */
class EventsBehindTest {

    static final String TOPIC = "household.events";

    @Test
    void eachPartitionCountsFromTheFurtherOfAppliedAndCommitted() {
        TopicEnds.Snapshot broker = new TopicEnds.Snapshot(Map.of(
                new TopicPartition(TOPIC, 0), 10L,
                new TopicPartition(TOPIC, 1), 7L,
                new TopicPartition(TOPIC, 2), 5L,
                new TopicPartition("welfare.events", 0), 100L),
                Map.of(new TopicPartition(TOPIC, 1), 6L, new TopicPartition(TOPIC, 2), 5L), Instant.now());
        // partition 0: applied up to 6 -> 3 behind; 1: applied 3, committed 6 -> 1 behind; 2: none applied,
        // committed at its end (events without a handler) -> 0; another topic's partitions are not counted
        List<SourceProgress.Offset> applied = List.of(new SourceProgress.Offset(0, 6), new SourceProgress.Offset(1, 3));
        assertThat(SourceProgress.behind(TOPIC, applied, broker)).isEqualTo(4);
    }

    @Test
    void aPartitionNeverAppliedNorCommittedIsBehindByItsWholeLength() {
        TopicEnds.Snapshot broker = new TopicEnds.Snapshot(Map.of(new TopicPartition(TOPIC, 0), 4L), Map.of(),
                Instant.now());
        assertThat(SourceProgress.behind(TOPIC, List.of(), broker)).isEqualTo(4);
        assertThat(SourceProgress.behind(TOPIC, List.of(new SourceProgress.Offset(0, 3)), broker)).isZero();
    }
}
