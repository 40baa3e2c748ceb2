package org.kesra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kesra.events.sample.BackboneTestApplication;
import org.kesra.events.sample.SampleEvents;
import org.kesra.events.sample.SampleRecorded;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A consumer that dies after committing its effect but before committing the Kafka offset: the event is delivered
 * again after the restart, and the inbox makes the second delivery change nothing.
 */
@SpringBootTest(classes = BackboneTestApplication.class, properties = {
    "kesra.events.relay.enabled=true", "kesra.events.consumer.enabled=false"})
class ConsumerCrashIT extends BackboneIntegrationTest {


    @Test
    void consumerKilledAfterItsEffectBeforeTheOffsetCommitAppliesTheEffectExactlyOnce() throws Exception {
        String aggregate = BackboneTestSupport.newAggregate();

        try (BackboneProcess consumer = BackboneProcess.start("consumer-before-crash",
                "--kesra.events.relay.enabled=false")) {
            support.publish(List.of(SampleEvents.step(aggregate, 1),
                    new SampleRecorded(aggregate, 2, false, true), SampleEvents.step(aggregate, 3)));

            assertThat(consumer.awaitExit(Duration.ofSeconds(60))).as("halted right after the commit").isEqualTo(137);
        }
        assertThat(support.sequencesByAggregate(aggregate).get(aggregate)).as("effects committed before the crash")
                .contains(1L, 2L);

        try (BackboneProcess restarted = BackboneProcess.start("consumer-after-crash",
                "--kesra.events.relay.enabled=false")) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(support.sequencesByAggregate(aggregate).get(aggregate)).containsExactly(1L, 2L, 3L));
            // The counter is read from the restarted process's metrics endpoint, which on a loaded machine answers
            // seconds after the effects are visible in the database (a CI run saw 10 s pass).
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(restarted.counter("kesra_events_consumed_total", "outcome=\"duplicate\"",
                            "backbone.sample.recorded")).as("the redelivery was seen and absorbed").isGreaterThanOrEqualTo(1));
        }
        assertThat(support.effects(aggregate)).isEqualTo(3);
    }
}
