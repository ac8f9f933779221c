package ir.tehran.womenfamily.support.events;

/**
 * Applies one event. It runs inside the transaction that also records the event as processed, so its
 * effect and that record commit together or not at all. Throwing makes the consumer try again, and
 * after the configured number of attempts send the event to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent event) throws Exception;
}
