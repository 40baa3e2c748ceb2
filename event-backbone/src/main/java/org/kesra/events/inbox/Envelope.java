package org.kesra.events.inbox;

import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventContextWriter;
import io.cloudevents.rw.CloudEventWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The CloudEvents attributes a consumer needs, read from a Kafka record by the CloudEvents SDK's message reader into
 * plain strings. Building a full {@code CloudEvent} would parse every time stamp and URI of every record; the
 * consumer needs them as text (the time only if a handler asks).
 */
record Envelope(String id, String type, String source, String subject, String time, String dataSchema, byte[] data) {

    static Envelope read(ConsumerRecord<String, byte[]> record) {
        MessageReader reader = KafkaMessageFactory.createReader(record);
        Envelope envelope = reader.read(Writer::new);
        if (envelope.id() == null || envelope.type() == null || envelope.source() == null) {
            throw new IllegalArgumentException("missing required CloudEvents attribute (id, type or source)");
        }
        return envelope;
    }

    /** Collects the attributes as the SDK hands them over. */
    private static final class Writer implements CloudEventWriter<Envelope> {

        private String id;
        private String type;
        private String source;
        private String subject;
        private String time;
        private String dataSchema;

        Writer(SpecVersion version) {
            if (version != SpecVersion.V1) {
                throw new IllegalArgumentException("CloudEvents " + version + " is not 1.0");
            }
        }

        @Override
        public CloudEventContextWriter withContextAttribute(String name, String value) {
            switch (name) {
                case "id" -> id = value;
                case "type" -> type = value;
                case "source" -> source = value;
                case "subject" -> subject = value;
                case "time" -> time = value;
                case "dataschema" -> dataSchema = value;
                default -> { } // datacontenttype and extensions are not needed here
            }
            return this;
        }

        @Override
        public Envelope end(CloudEventData data) {
            return new Envelope(id, type, source, subject, time, dataSchema, data == null ? null : data.toBytes());
        }

        @Override
        public Envelope end() {
            return end(null);
        }
    }
}
