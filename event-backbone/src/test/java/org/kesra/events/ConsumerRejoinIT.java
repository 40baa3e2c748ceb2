package org.kesra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kesra.events.sample.BackboneTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A consuming instance killed with SIGKILL leaves its group without saying so: the broker hands its partitions to
 * the others (or to its restart) only when its heartbeats have stopped for the session timeout. That must take
 * seconds, not Kafka's default 45 s. Measured from the kill with a second instance already in the group, so the
 * figure is the failover's alone and not how long a JVM takes to start on a busy machine. The instances run with
 * the backbone's consumer settings as every service gets them (no test override).
 */
@SpringBootTest(classes = BackboneTestApplication.class, properties = {
    "kesra.events.relay.enabled=true", "kesra.events.consumer.enabled=false"})
class ConsumerRejoinIT extends BackboneIntegrationTest {

    /** Keys enough to land on all 6 partitions (a partition missed has odds of about 1 in 10,000). */
    static final int KEYS = 60;

    @Test
    void theKilledInstancesPartitionsAreConsumedAgainWithinSecondsOfTheKill() throws Exception {
        try (BackboneProcess killed = BackboneProcess.launch("consumer-killed", "--kesra.events.relay.enabled=false");
             BackboneProcess survivor = BackboneProcess.launch("consumer-survivor",
                     "--kesra.events.relay.enabled=false")) {
            killed.awaitReady();
            survivor.awaitReady();
            // Until each instance has consumed some, so each owns partitions (the group settles after both joined):
            // the killed one's must move.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                String round = BackboneTestSupport.newAggregate();
                support.publish(BackboneTestSupport.interleavedSteps(round, KEYS, 1));
                await().atMost(Duration.ofSeconds(120)).until(() -> support.effects(round) == KEYS);
                return killed.counter("kesra_events_consumed_total", "outcome=\"processed\"") > 0
                        && survivor.counter("kesra_events_consumed_total", "outcome=\"processed\"") > 0;
            });

            killed.kill();
            long killedAt = System.nanoTime();
            String after = BackboneTestSupport.newAggregate();
            support.publish(BackboneTestSupport.interleavedSteps(after, KEYS, 2));

            await().atMost(Duration.ofSeconds(120)).until(() -> support.effects(after) == 2 * KEYS);
            Duration failover = Duration.ofNanos(System.nanoTime() - killedAt);
            assertThat(failover).as("from the kill to every new event consumed (Kafka's default: over 45 s)")
                    .isLessThan(Duration.ofSeconds(25));
            assertThat(support.distinctEffects(after)).as("none applied twice").isEqualTo(2 * KEYS);
            assertThat(support.sequencesByAggregate(after).values()).allSatisfy(sequences ->
                    assertThat(sequences).containsExactly(1L, 2L));
        }
    }
}
