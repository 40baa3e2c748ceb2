package org.kesra.events;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kesra.events.*}: which service this is, whose events it consumes, and the relay and consumer settings.
 *
 * @param service       the producing service name, the prefix of its event types and topic (e.g. {@code household})
 * @param subscriptions services whose topics this service consumes (e.g. {@code [household]})
 * @param partitions    partitions of the topics this service declares; the producer's count is authoritative
 */
@ConfigurationProperties("kesra.events")
public record EventBackboneProperties(
        String service,
        @DefaultValue List<String> subscriptions,
        @DefaultValue("6") int partitions,
        @DefaultValue Relay relay,
        @DefaultValue Consumer consumer,
        @DefaultValue("true") boolean validatePayloads,
        @DefaultValue("P30D") Duration inboxRetention) {

    /**
     * @param batchSize       rows published per relay transaction
     * @param pollInterval    pause after a round that found nothing to publish, doubled after each further such
     *                        round up to {@code maxPollInterval}; a round that publishes is followed by the next at once
     * @param maxPollInterval the longest pause, so the longest an event waits after an idle spell. An empty round is
     *                        not free: it visits every row of transactions still in progress (an import writes
     *                        hundreds of thousands in one), and at a fixed 25 ms it took half a core (stack.md 38)
     * @param workers         relay threads in this instance; instances and threads share the 16 slots through locks
     */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("2000") int batchSize,
                        @DefaultValue("25ms") Duration pollInterval, @DefaultValue("200ms") Duration maxPollInterval,
                        @DefaultValue("1") int workers) {
    }

    /**
     * @param maxAttempts  deliveries of a failing event before it goes to the dead-letter topic
     * @param initialBackoff pause before the second delivery, doubled for each further one
     * @param maxPollRecords records per poll of the live consumers (a poll is one database transaction)
     * @param replayMaxPollRecords records per poll of a replay ({@link org.kesra.events.replay.EventReplay}): a replay
     *                       reads a whole history as fast as it can be applied and nobody waits for a single event of
     *                       it, so its polls are larger than the live ones; each poll's transaction, inbox statement
     *                       and commit are paid once for that many events (docs/benchmarks.md, read-model rebuild)
     */
    public record Consumer(@DefaultValue("true") boolean enabled, @DefaultValue("3") int concurrency,
                           @DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
                           @DefaultValue("500") int maxPollRecords,
                           @DefaultValue("5000") int replayMaxPollRecords) {
    }

    public String topic() {
        return service + ".events";
    }

    public String consumerGroup() {
        return "kesra." + service;
    }

    /** Dead-letter topic of this service for a topic it consumes: one per consumer group, since poison is relative. */
    public String deadLetterTopic(String sourceTopic) {
        return sourceTopic + "." + service + ".dlt";
    }

    public List<String> subscribedTopics() {
        return subscriptions.stream().map(s -> s + ".events").toList();
    }

    public String source() {
        return "urn:kesra:service:" + service;
    }
}
