package ir.tehran.womenfamily.support.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Records each successful call of a transactional service method in the audit log, in the method's own
 * transaction ({@link AuditedInterceptor}): the entry exists if and only if the change was committed. A
 * call that throws records nothing (its work is rolled back). For a service whose writes are many and
 * uniform this keeps the wiring to one line per method; {@link Audit#record(AuditEvent)} remains for
 * entries that need more detail.
 *
 * <p>The resource id is taken as {@link #id()} says. Details are limited to what is never sensitive:
 * the enum arguments (a new status, a reason code) and, for a list, how many items it returned.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** Dotted, present tense: {@code pledge.confirm}. */
    @Nonbinding
    String action();

    /** What is touched: {@code pledge}. */
    @Nonbinding
    String resourceType();

    /** Where the resource id comes from. */
    @Nonbinding
    IdFrom id() default IdFrom.FIRST_ID_ARGUMENT;

    /** Why (purpose limitation); empty for none. */
    @Nonbinding
    String purpose() default "";

    /** The source of the audited resource's id. */
    enum IdFrom {
        /** The first argument that is a {@link java.util.UUID}, else the first {@code String} or number. */
        FIRST_ID_ARGUMENT,
        /** The id of what the method returns ({@code id()}, {@code getId()} or a field {@code id}). */
        RESULT,
        /** No single resource (a batch, a search). */
        NONE
    }
}
