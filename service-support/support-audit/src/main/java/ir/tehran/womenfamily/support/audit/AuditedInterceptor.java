package ir.tehran.womenfamily.support.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Appends an entry for each call of an {@link Audited} method that returns normally. Its priority puts it
 * inside {@code @Transactional} (which runs at {@code PLATFORM_BEFORE + 200}), so the entry is written in
 * the method's transaction; {@link Audit#record(AuditEvent)} refuses to run without one, so a method
 * annotated but not transactional fails loudly in its first test.
 */
@Audited(action = "", resourceType = "")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditedInterceptor {

    @Inject
    Audit audit;

    @AroundInvoke
    Object record(InvocationContext ctx) throws Exception {
        Object result = ctx.proceed();
        Audited spec = spec(ctx);
        if (spec != null) {
            audit.record(event(spec, ctx.getParameters(), result));
        }
        return result;
    }

    static AuditEvent event(Audited spec, Object[] arguments, Object result) {
        Object value = result instanceof Optional<?> o ? o.orElse(null) : result;
        String id = switch (spec.id()) {
            case FIRST_ID_ARGUMENT -> firstId(arguments);
            case RESULT -> idOf(value);
            case NONE -> null;
        };
        AuditEvent event = AuditEvent.of(spec.action(), spec.resourceType(), id);
        if (!spec.purpose().isEmpty()) {
            event = event.withPurpose(spec.purpose());
        }
        if (result instanceof Optional<?> o && o.isEmpty()) {
            event = event.withOutcome(AuditEvent.Outcome.NOT_FOUND);
        }
        if (value instanceof Collection<?> c) {
            event = event.withDetail("returned", c.size());
        }
        if (arguments != null) {
            for (Object a : arguments) {
                if (a instanceof Enum<?> e && event.detail().size() < AuditEvent.MAX_DETAIL_ENTRIES) {
                    String type = e.getDeclaringClass().getSimpleName();
                    event = event.withDetail(Character.toLowerCase(type.charAt(0)) + type.substring(1), e.name());
                }
            }
        }
        return event;
    }

    private static Audited spec(InvocationContext ctx) {
        Audited onMethod = ctx.getMethod() == null ? null : ctx.getMethod().getAnnotation(Audited.class);
        if (onMethod != null) {
            return onMethod;
        }
        for (Object binding : ctx.getInterceptorBindings()) {
            if (binding instanceof Audited a) {
                return a;
            }
        }
        return null;
    }

    static String firstId(Object[] arguments) {
        if (arguments == null) {
            return null;
        }
        for (Object a : arguments) {
            if (a instanceof UUID) {
                return a.toString();
            }
        }
        for (Object a : arguments) {
            if (a instanceof String || a instanceof Number) {
                return a.toString();
            }
        }
        return null;
    }

    /**
     * The id of a returned entity, record or view: {@code id()}, {@code getId()} or a field {@code id}; for a
     * record without one, the id of its first component.
     */
    static String idOf(Object value) {
        if (value == null) {
            return null;
        }
        for (String name : new String[] {"id", "getId"}) {
            try {
                Method m = value.getClass().getMethod(name);
                Object id = m.invoke(value);
                return id == null ? null : id.toString();
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // try the next way
            }
        }
        try {
            Field f = value.getClass().getField("id");
            Object id = f.get(value);
            return id == null ? null : id.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a record that wraps the entity (entity first, then what was loaded with it)
            if (value instanceof Record r && r.getClass().getRecordComponents().length > 0) {
                try {
                    return idOf(r.getClass().getRecordComponents()[0].getAccessor().invoke(r));
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    return null;
                }
            }
            return null;
        }
    }
}
