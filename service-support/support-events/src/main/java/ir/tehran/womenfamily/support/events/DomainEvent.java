package ir.tehran.womenfamily.support.events;

/**
 * A fact an aggregate reports, before it is put in the outbox. Aggregates return these from the
 * methods that cause them, so a plain unit test can assert on them.
 *
 * @param aggregateType the kind of thing, also the topic's suffix: {@code beneficiary}
 * @param aggregateId   its id, the Kafka key: one aggregate's events stay in order
 * @param type          what happened, dotted and past tense: {@code beneficiary.registered}
 * @param schemaVersion the version of the payload's JSON Schema
 * @param payload       a plain object serialised to JSON; never carries sensitive facts
 */
public record DomainEvent(String aggregateType, String aggregateId, String type, int schemaVersion, Object payload) {

    public static DomainEvent of(String aggregateType, Object aggregateId, String type, int schemaVersion,
            Object payload) {
        return new DomainEvent(aggregateType, aggregateId.toString(), type, schemaVersion, payload);
    }
}
