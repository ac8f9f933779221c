package ir.tehran.womenfamily.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The helpers a service method uses to describe what it did: a missing read, a count, an enum argument. */
class AuditEventTest {

    enum EndReason { SPONSOR_WITHDREW, CHILD_AGED_OUT }

    @Test
    void anEmptyLookUpIsNotFoundAndAFoundOneASuccess() {
        UUID id = UUID.randomUUID();
        AuditEvent missing = AuditEvent.of("thing.read", "thing", id).withPurpose("casework").found(Optional.empty());
        assertEquals(AuditEvent.Outcome.NOT_FOUND, missing.outcome());
        assertEquals("casework", missing.purpose());
        assertEquals(id.toString(), missing.resourceId());
        assertEquals(AuditEvent.Outcome.SUCCESS,
            AuditEvent.of("thing.read", "thing", id).found(Optional.of("x")).outcome());
    }

    @Test
    void aListCountsWhatItReturnedAndNeverWhatItIs() {
        AuditEvent list = AuditEvent.of("thing.list", "thing", null).returned(List.of("a", "b", "c"));
        assertEquals(Map.of("returned", "3"), list.detail());
        assertNull(list.resourceId());
        assertEquals(AuditEvent.Outcome.SUCCESS, list.outcome());
    }

    @Test
    void anEnumIsKeyedByItsTypeInLowerCamelCaseAndNullAddsNothing() {
        AuditEvent e = AuditEvent.of("thing.end", "thing", 7).withDetail(EndReason.CHILD_AGED_OUT);
        assertEquals(Map.of("endReason", "CHILD_AGED_OUT"), e.detail());
        assertEquals("7", e.resourceId());
        assertEquals(Map.of(), AuditEvent.of("thing.end", "thing", 7).withDetail((Enum<?>) null).detail());
    }
}
