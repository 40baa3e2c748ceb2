package org.kesra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kesra.events.sample.BackboneTestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A consuming service killed with SIGKILL leaves its group without saying so; the broker only notices when its
 * heartbeats stop for the session timeout. A restart must resume within seconds, not after Kafka's default 45 s.
 * The test service runs with the backbone's consumer settings as every service gets them (no test override).
 */
@SpringBootTest(classes = BackboneTestApplication.class, properties = {
    "kesra.events.relay.enabled=true", "kesra.events.consumer.enabled=false"})
class ConsumerRejoinIT extends BackboneIntegrationTest {

    @Test
    void aConsumerRestartedAfterKillNineConsumesNewEventsWithinSeconds() throws Exception {
        String before = BackboneTestSupport.newAggregate();
        try (BackboneProcess consumer = BackboneProcess.start("consumer-killed", "--kesra.events.relay.enabled=false")) {
            // Keys over every partition: each of the killed consumer's threads owned some.
            support.publish(BackboneTestSupport.interleavedSteps(before, 12, 1));
            await().atMost(Duration.ofSeconds(60)).until(() -> support.effects(before) == 12);

            consumer.kill();
        }

        try (BackboneProcess restarted = BackboneProcess.start("consumer-restarted",
                "--kesra.events.relay.enabled=false")) {
            long ready = System.nanoTime();
            String after = BackboneTestSupport.newAggregate();
            support.publish(BackboneTestSupport.interleavedSteps(after, 12, 2));

            await().atMost(Duration.ofSeconds(60)).until(() -> support.effects(after) == 24);
            Duration resumed = Duration.ofNanos(System.nanoTime() - ready);
            assertThat(resumed).as("from the restarted consumer's readiness to every new event consumed")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(support.distinctEffects(after)).isEqualTo(24);
            assertThat(support.sequencesByAggregate(after).values()).allSatisfy(sequences ->
                    assertThat(sequences).containsExactly(1L, 2L));
        }
        assertThat(support.effects(before)).as("nothing of before the kill applied twice").isEqualTo(12);
    }
}
