package org.kesra.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.kesra.events.sample.BackboneTestApplication;
import org.kesra.events.sample.HaltAfterAcknowledgements;
import org.kesra.events.sample.SampleRecorded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A relay that dies in the middle of a batch (records sent and acknowledged, rows not yet deleted): the next relay
 * sends the batch again; nothing is lost and the consumers absorb the duplicates without reordering a key.
 */
@SpringBootTest(classes = BackboneTestApplication.class, properties = {
    "kesra.events.relay.enabled=false", "kesra.events.consumer.enabled=true"})
class RelayCrashIT extends BackboneIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void relayKilledMidBatchLosesNothingAndTheDuplicatesAreAbsorbed() throws Exception {
        jdbc.update("DELETE FROM event_outbox");
        String prefix = BackboneTestSupport.newAggregate();
        List<SampleRecorded> steps = BackboneTestSupport.interleavedSteps(prefix, 30, 100);
        support.publish(steps);
        double duplicatesBefore = duplicates();

        try (BackboneProcess relay = BackboneProcess.launch("relay-crashing",
                "--kesra.events.consumer.enabled=false", "--kesra.events.relay.batch-size=1000",
                "--spring.kafka.producer.properties.interceptor.classes=" + HaltAfterAcknowledgements.class.getName(),
                "--spring.kafka.producer.properties." + HaltAfterAcknowledgements.LIMIT + "=1500")) {
            assertThat(relay.awaitExit(Duration.ofSeconds(90))).as("halted by the interceptor").isEqualTo(137);
        }
        assertThat(support.outboxRows()).as("first batch deleted, second sent halfway but kept").isEqualTo(2000);

        try (BackboneProcess relay = BackboneProcess.start("relay-after-crash", "--kesra.events.consumer.enabled=false")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> support.outboxRows() == 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> support.distinctEffects(prefix) == 3000);
        }
        assertThat(support.effects(prefix)).as("each event's effect exactly once").isEqualTo(3000);
        await().atMost(Duration.ofSeconds(10)).until(() -> duplicates() - duplicatesBefore >= 1);
        List<Long> expected = LongStream.rangeClosed(1, 100).boxed().toList();
        support.sequencesByAggregate(prefix).forEach((key, seen) -> assertThat(seen).as(key).isEqualTo(expected));
    }

    private double duplicates() {
        return meters.find("kesra.events.consumed").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
