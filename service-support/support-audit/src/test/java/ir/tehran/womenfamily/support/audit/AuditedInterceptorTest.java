package ir.tehran.womenfamily.support.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What an {@link Audited} call records, from its arguments and its result. */
class AuditedInterceptorTest {

    enum Status { OPEN, CLOSED }

    /** An entity as Panache has them: a public id field. */
    static final class Entity {
        public UUID id = UUID.randomUUID();
    }

    record View(UUID id, String name) {
    }

    record Loaded(Entity entity, List<String> more) {
    }

    private static Audited spec(Audited.IdFrom from, String purpose) {
        return new Audited() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Audited.class;
            }

            @Override
            public String action() {
                return "thing.do";
            }

            @Override
            public String resourceType() {
                return "thing";
            }

            @Override
            public IdFrom id() {
                return from;
            }

            @Override
            public String purpose() {
                return purpose;
            }
        };
    }

    @Test
    void theIdComesFromTheFirstUuidArgumentAndEnumsBecomeDetails() {
        UUID id = UUID.randomUUID();
        AuditEvent e = AuditedInterceptor.event(spec(Audited.IdFrom.FIRST_ID_ARGUMENT, ""),
            new Object[] {"by someone", id, Status.CLOSED, 12}, new View(UUID.randomUUID(), "x"));
        assertEquals(id.toString(), e.resourceId());
        assertEquals(Map.of("status", "CLOSED"), e.detail());
        assertEquals(AuditEvent.Outcome.SUCCESS, e.outcome());
        assertNull(e.purpose());
    }

    @Test
    void theIdOfTheResultFromARecordAnEntityOrTheEntityARecordWraps() {
        View view = new View(UUID.randomUUID(), "x");
        assertEquals(view.id().toString(),
            AuditedInterceptor.event(spec(Audited.IdFrom.RESULT, ""), new Object[0], view).resourceId());
        Entity entity = new Entity();
        assertEquals(entity.id.toString(),
            AuditedInterceptor.event(spec(Audited.IdFrom.RESULT, ""), new Object[0], entity).resourceId());
        assertEquals(entity.id.toString(), AuditedInterceptor.event(spec(Audited.IdFrom.RESULT, ""), new Object[0],
            new Loaded(entity, List.of())).resourceId());
        assertNull(AuditedInterceptor.event(spec(Audited.IdFrom.NONE, ""), new Object[] {UUID.randomUUID()}, entity)
            .resourceId());
    }

    @Test
    void anEmptyOptionalIsANotFoundReadAndAListCountsWhatItReturned() {
        UUID id = UUID.randomUUID();
        AuditEvent missing = AuditedInterceptor.event(spec(Audited.IdFrom.FIRST_ID_ARGUMENT, "casework"),
            new Object[] {id}, Optional.empty());
        assertEquals(AuditEvent.Outcome.NOT_FOUND, missing.outcome());
        assertEquals("casework", missing.purpose());
        assertEquals(id.toString(), missing.resourceId());
        AuditEvent list = AuditedInterceptor.event(spec(Audited.IdFrom.FIRST_ID_ARGUMENT, "casework"),
            new Object[] {id}, List.of("a", "b", "c"));
        assertEquals(Map.of("returned", "3"), list.detail());
        assertEquals(AuditEvent.Outcome.SUCCESS, list.outcome());
    }
}
