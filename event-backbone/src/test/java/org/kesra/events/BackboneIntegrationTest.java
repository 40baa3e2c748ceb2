package org.kesra.events;

import org.junit.jupiter.api.BeforeEach;
import org.kesra.devinfra.PlatformInfrastructure;
import org.kesra.events.outbox.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backbone's integration tests run the test service against the real PostgreSQL and Kafka. Each class closes its
 * context afterwards, so no consumer of one class lingers in the consumer group of the next.
 */
@PlatformInfrastructure(database = "event_backbone_it")
@DirtiesContext
abstract class BackboneIntegrationTest {

    @Autowired
    EventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    BackboneTestSupport support;

    @BeforeEach
    void createSupport() {
        support = new BackboneTestSupport(publisher, transactions, jdbc);
    }
}
