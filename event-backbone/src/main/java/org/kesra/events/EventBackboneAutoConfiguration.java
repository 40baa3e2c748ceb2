package org.kesra.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.kesra.contracts.EventCatalog;
import org.kesra.events.deadletter.DeadLetterController;
import org.kesra.events.deadletter.DeadLetterIngester;
import org.kesra.events.deadletter.DeadLetterService;
import org.kesra.events.deadletter.DeadLetterStore;
import org.kesra.events.inbox.EventHandler;
import org.kesra.events.inbox.HandlerRegistry;
import org.kesra.events.inbox.InboundEventProcessor;
import org.kesra.events.inbox.InboxRetention;
import org.kesra.events.inbox.PoisonEventException;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutboxMetrics;
import org.kesra.events.outbox.OutboxRelay;
import org.kesra.events.outbox.PayloadSchemas;
import org.kesra.events.probe.ProbeController;
import org.kesra.events.replay.EventReplay;
import org.kesra.events.probe.ProbeReceiptRecorder;
import org.kesra.events.tracing.TraceHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the event backbone into a service: {@code kesra.events.service} names it, {@code kesra.events.subscriptions}
 * the services it listens to. Handlers are the service's {@link EventHandler} beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(EventBackboneProperties.class)
public class EventBackboneAutoConfiguration {

    /**
     * The wire format is the contract's, not the service's: a dedicated mapper, untouched by spring.jackson.*,
     * tolerant of fields it does not know (a newer producer may add optional ones).
     */
    static final JsonMapper EVENT_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Bean
    FlywayConfigurationCustomizer eventBackboneMigrations() {
        return configuration -> {
            List<org.flywaydb.core.api.Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
            locations.add(new org.flywaydb.core.api.Location("classpath:db/event-backbone"));
            configuration.locations(locations.toArray(org.flywaydb.core.api.Location[]::new));
        };
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TraceHeaders traceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceHeaders(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    PayloadSchemas payloadSchemas() {
        return new PayloadSchemas();
    }

    @Bean
    EventPublisher eventPublisher(JdbcTemplate jdbc, EventBackboneProperties properties, PayloadSchemas schemas,
                                  TraceHeaders traceHeaders, Clock clock) {
        if (properties.service() == null || properties.service().isBlank()) {
            throw new IllegalStateException("set kesra.events.service to the service name (e.g. household)");
        }
        return new EventPublisher(jdbc, properties, schemas, EVENT_JSON, traceHeaders, clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "kesra.events.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, KafkaProperties kafka,
                            EventBackboneProperties properties, MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        // Guarantees the relay depends on; not overridable by configuration.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A broker outage fails a round within ~45 s (rows stay, the round is retried) instead of Kafka's 2 min.
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.service() + "-outbox-relay");
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager),
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), properties, meters);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        return new OutboxMetrics(jdbc, meters, Duration.ofSeconds(5));
    }

    @Bean
    InboxRetention inboxRetention(JdbcTemplate jdbc, EventBackboneProperties properties, Clock clock) {
        return new InboxRetention(jdbc, properties.inboxRetention(), clock);
    }

    /** Declares this service's topic, the topics it consumes and its dead-letter topics (auto-creation is off). */
    @Bean
    KafkaAdmin.NewTopics eventTopics(EventBackboneProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build());
        for (String topic : properties.subscribedTopics()) {
            topics.add(TopicBuilder.name(topic).partitions(properties.partitions()).build());
            topics.add(TopicBuilder.name(properties.deadLetterTopic(topic)).partitions(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    HandlerRegistry handlerRegistry(List<EventHandler<?>> handlers, EventBackboneProperties properties,
                                    JdbcTemplate jdbc) {
        List<EventHandler<?>> all = new ArrayList<>(handlers);
        for (String service : properties.subscriptions()) {
            EventCatalog.find(service + ".probe.sent", 1)
                    .ifPresent(probe -> all.add(new ProbeReceiptRecorder(probe, jdbc)));
        }
        return new HandlerRegistry(all);
    }

    @Bean
    InboundEventProcessor inboundEventProcessor(HandlerRegistry handlers, JdbcTemplate jdbc,
                                                PlatformTransactionManager transactionManager, TraceHeaders trace,
                                                MeterRegistry meters) {
        return new InboundEventProcessor(handlers, jdbc, new TransactionTemplate(transactionManager), EVENT_JSON, trace, meters);
    }

    @Bean
    EventReplay eventReplay(KafkaProperties kafka, EventBackboneProperties properties, InboundEventProcessor processor,
                            JdbcTemplate jdbc) {
        return new EventReplay(kafka, properties, processor, jdbc);
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka, EventBackboneProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.service() + "-dead-letters");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "kesra.events.consumer.enabled", matchIfMissing = true)
    @Conditional(OnSubscriptions.class)
    ConcurrentMessageListenerContainer<String, byte[]> eventConsumers(
            EventBackboneProperties properties, KafkaProperties kafka, InboundEventProcessor processor,
            KafkaTemplate<String, byte[]> deadLetterTemplate) {
        EventBackboneProperties.Consumer settings = properties.consumer();
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, e) -> new TopicPartition(properties.deadLetterTopic(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(settings.maxAttempts() - 1);
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(5_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, backOff);
        errors.addNotRetryableExceptions(PoisonEventException.class);

        ContainerProperties container = new ContainerProperties(properties.subscribedTopics().toArray(String[]::new));
        container.setGroupId(properties.consumerGroup());
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(processor);
        ConcurrentMessageListenerContainer<String, byte[]> consumers = new ConcurrentMessageListenerContainer<>(
                consumerFactory(kafka, properties, settings.maxPollRecords()), container);
        consumers.setConcurrency(settings.concurrency());
        consumers.setCommonErrorHandler(errors);
        consumers.setBeanName("kesra-event-consumers");
        return consumers;
    }

    @Bean
    DeadLetterStore deadLetterStore(JdbcTemplate jdbc) {
        return new DeadLetterStore(jdbc, EVENT_JSON);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "kesra.events.consumer.enabled", matchIfMissing = true)
    @Conditional(OnSubscriptions.class)
    ConcurrentMessageListenerContainer<String, byte[]> deadLetterIngestion(EventBackboneProperties properties,
            KafkaProperties kafka, DeadLetterStore store) {
        List<String> topics = properties.subscribedTopics().stream().map(properties::deadLetterTopic).toList();
        ContainerProperties container = new ContainerProperties(topics.toArray(String[]::new));
        container.setGroupId(properties.consumerGroup() + ".dead-letters");
        container.setAckMode(ContainerProperties.AckMode.RECORD);
        container.setMessageListener(new DeadLetterIngester(store));
        ConcurrentMessageListenerContainer<String, byte[]> ingestion = new ConcurrentMessageListenerContainer<>(
                consumerFactory(kafka, properties, 100), container);
        // A dead letter that cannot be stored (database down) is retried until it can: it must not be lost.
        ingestion.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        ingestion.setBeanName("kesra-dead-letter-ingestion");
        return ingestion;
    }

    @Bean
    DeadLetterService deadLetterService(DeadLetterStore store, InboundEventProcessor processor,
                                        PlatformTransactionManager transactionManager) {
        return new DeadLetterService(store, processor, new TransactionTemplate(transactionManager));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterStore store, DeadLetterService service) {
        return new DeadLetterController(store, service);
    }

    @Bean
    ProbeController probeController(EventPublisher publisher, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                                    EventBackboneProperties properties, TraceHeaders trace, Clock clock) {
        return new ProbeController(publisher, new TransactionTemplate(transactionManager), jdbc, properties, trace.tracer(), clock);
    }

    private static DefaultKafkaConsumerFactory<String, byte[]> consumerFactory(KafkaProperties kafka,
            EventBackboneProperties properties, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.service() + "-consumer");
        // A consumer that dies without leaving its group (kill -9, a crashed machine) keeps its partitions until the
        // broker has missed its heartbeats for session.timeout.ms; with Kafka's 45 s a restarted service consumed
        // nothing for that long. 10 s (heartbeats every 3 s, from a thread of their own, so slow handlers do not
        // count) leaves room for the GC pauses of a busy machine and is above the broker's 6 s minimum. Not static
        // membership (group.instance.id): it needs an id that is stable across restarts yet never shared by two
        // live instances, which scaled replicas do not give for free (two with one id fence each other), and a
        // static member that stops for good (scale-in) holds its partitions for the whole session timeout.
        // Under group.protocol=consumer (KIP-848) the broker owns the session timeout and refuses these settings.
        if (!"consumer".equalsIgnoreCase(String.valueOf(config.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        }
        return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
