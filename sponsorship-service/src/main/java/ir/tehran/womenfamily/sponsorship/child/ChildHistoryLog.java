package ir.tehran.womenfamily.sponsorship.child;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Appends to a child's history in the caller's transaction. Callers write a line only when the state it
 * reports actually changed, so re-applying an event writes nothing; a line caused by an event also carries
 * its id, and the database refuses the same line twice ({@code child_history_once}).
 */
@ApplicationScoped
public class ChildHistoryLog {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID childId, Instant at, ChildHistory.Kind kind, Map<String, ?> detail, String sourceEventId) {
        ChildHistory line = new ChildHistory();
        line.childId = childId;
        line.occurredAt = at;
        line.kind = kind.name();
        line.detail = detail == null ? new LinkedHashMap<>() : new LinkedHashMap<>(detail);
        line.sourceEventId = sourceEventId;
        line.persist();
    }
}
