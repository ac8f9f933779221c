package ir.tehran.womenfamily.support.events;

import java.util.List;

/**
 * Applies one event. It runs inside the transaction that also records the event as processed, so its
 * effect and that record commit together or not at all. Throwing makes the consumer try again, and
 * after the configured number of attempts send the event to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(ReceivedEvent event) throws Exception;

    /**
     * Called once, in the transaction, before a group of events not yet processed is handled one by one in
     * that same transaction (the events a consumer applies together): a handler may read at once what the
     * group's events will touch. The answer is closed after the last of them, before the commit. Handling
     * must give the same result with or without it.
     */
    default AutoCloseable prepare(List<ReceivedEvent> events) throws Exception {
        return () -> {
        };
    }
}
