package ir.tehran.womenfamily.support.audit;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;

/**
 * Who acts, and why, for work no request asked for: a Kafka consumer applying an event, a scheduled job. While
 * {@link #call} runs on this thread, {@link Callers} answers with its caller (so {@link Audit#record(AuditEvent)}
 * names the service, {@code system:<work>}, rather than nobody) and an entry without a purpose of its own gets the
 * context's.
 */
public final class AuditContext {

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private AuditContext() {
    }

    /** The purpose of the work in hand (its caller is {@link Callers}'). */
    record Context(String purpose) {
    }

    /**
     * Runs {@code work} as {@code system:<job>} for {@code purpose} (for a consumer, {@code event:<type>}; for a
     * job, {@code job:<name>}), restoring what was there before.
     */
    public static <T> T call(String job, String purpose, Callable<T> work) throws Exception {
        Context before = CURRENT.get();
        CURRENT.set(new Context(purpose));
        try {
            return Callers.callAs(Caller.system(job), work);
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** {@link #call} for work that throws nothing checked. */
    public static <T> T get(String job, String purpose, Supplier<T> work) {
        try {
            return call(job, purpose, work::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #call} for work that returns nothing and throws nothing checked. */
    public static void run(String job, String purpose, Runnable work) {
        try {
            call(job, purpose, () -> {
                work.run();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Context current() {
        return CURRENT.get();
    }
}
