package ir.tehran.womenfamily.support.events;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent taken from Kafka, with its JSON data parsed; consumers read only the fields they need. */
public record ReceivedEvent(String id, String type, String source, String subject, OffsetDateTime time,
        String dataSchema, String requestId, String topic, int partition, long offset, JsonNode data) {

    /** True when the CloudEvents type ends with {@code suffix}, e.g. {@code beneficiary.registered}. */
    public boolean is(String suffix) {
        return type.endsWith("." + suffix);
    }
}
