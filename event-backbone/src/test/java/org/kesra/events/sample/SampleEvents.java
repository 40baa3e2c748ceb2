package org.kesra.events.sample;

import org.kesra.contracts.EventDefinition;

/** The test service "backbone" and its one event type. */
public final class SampleEvents {

    public static final EventDefinition RECORDED = new EventDefinition("backbone.sample.recorded", 1, SampleRecorded.class);
    public static final String TOPIC = RECORDED.topic();

    private SampleEvents() {
    }

    public static SampleRecorded step(String aggregate, long sequence) {
        return new SampleRecorded(aggregate, sequence, false, false);
    }
}
