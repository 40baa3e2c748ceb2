package org.kesra.events.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.MessageListener;

/** Copies this service's dead-letter topics into the operator's table. */
public class DeadLetterIngester implements MessageListener<String, byte[]> {

    private final DeadLetterStore store;

    public DeadLetterIngester(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        store.store(record);
    }
}
