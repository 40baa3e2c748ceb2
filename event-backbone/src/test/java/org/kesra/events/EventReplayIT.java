package org.kesra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.replay.EventReplay;
import org.kesra.events.replay.ReplayConsumer;
import org.kesra.events.replay.ReplayStart;
import org.kesra.events.sample.BackboneTestApplication;
import org.kesra.events.sample.SampleEvents;
import org.kesra.events.sample.SampleRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A replay beside the live consumer, against the real broker and database: it reads the topic again from a moment,
 * applies it through the same handler into another schema (inbox included), records each event's position as the live
 * consumer did, skips what the live consumer dead-lettered, and touches neither the live tables nor the live group.
 */
@SpringBootTest(classes = BackboneTestApplication.class,
        properties = {"kesra.events.relay.enabled=true", "kesra.events.consumer.enabled=true",
            "kesra.test.instance=replay"})
class EventReplayIT extends BackboneIntegrationTest {

    @Autowired
    EventReplay replays;

    @Test
    void replaysIntoAnotherSchemaAsTheLiveConsumerAppliedAndSkipsWhatItDeadLettered() {
        Instant from = Instant.now();
        String aggregate = BackboneTestSupport.newAggregate();
        List<UUID> ids = support.publish(List.of(SampleEvents.step(aggregate, 1),
                new SampleRecorded(aggregate, 2, true, false), SampleEvents.step(aggregate, 3)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM event_dead_letter WHERE event_id = ? AND status = 'NEW'", Integer.class,
                ids.get(1).toString()) == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(support.sequencesByAggregate(aggregate).get(aggregate)).containsExactly(1L, 3L));

        jdbc.execute("DROP SCHEMA IF EXISTS replay_it CASCADE");
        jdbc.execute("CREATE SCHEMA replay_it");
        jdbc.execute("CREATE TABLE replay_it.sample_effect (LIKE public.sample_effect INCLUDING ALL)");
        jdbc.execute("CREATE TABLE replay_it.event_inbox (LIKE public.event_inbox INCLUDING ALL)");
        long skipped = 0;
        try (ReplayConsumer replay = replays.open(List.of(SampleEvents.TOPIC), new ReplayStart.At(from))) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (!replay.reached(replay.endOffsets()) && Instant.now().isBefore(deadline)) {
                InboundEventProcessor.Replayed replayed = replay.pollAndApply(Duration.ofMillis(500),
                        jdbc -> jdbc.execute("SET LOCAL search_path TO replay_it"));
                skipped += replayed.deadLettered();
            }
            assertThat(replay.reached(replay.endOffsets())).isTrue();
            Map<TopicPartition, Long> live = replays.liveCommittedOffsets(List.of(SampleEvents.TOPIC));
            assertThat(replay.positions()).containsOnlyKeys(replays.endOffsets(List.of(SampleEvents.TOPIC)).keySet());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(replay.reached(
                    replays.liveCommittedOffsets(List.of(SampleEvents.TOPIC)))).isTrue());
            assertThat(live).isNotEmpty();
        }
        assertThat(skipped).as("the dead-lettered event, skipped as the live consumer skipped it").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT sequence FROM replay_it.sample_effect WHERE aggregate = ? ORDER BY sequence",
                Long.class, aggregate)).containsExactly(1L, 3L);
        for (UUID id : List.of(ids.get(0), ids.get(2))) {
            assertThat(jdbc.queryForList("SELECT kafka_partition || '@' || kafka_offset FROM replay_it.event_inbox "
                    + "WHERE event_id = ?", String.class, id)).as("same position as the live inbox recorded")
                    .isEqualTo(jdbc.queryForList("SELECT kafka_partition || '@' || kafka_offset FROM public.event_inbox "
                            + "WHERE event_id = ?", String.class, id)).hasSize(1);
        }
        assertThat(support.sequencesByAggregate(aggregate).get(aggregate)).as("live effects untouched")
                .containsExactly(1L, 3L);
        jdbc.execute("DROP SCHEMA replay_it CASCADE");
    }
}
