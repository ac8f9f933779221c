package ir.tehran.womenfamily.support.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.tracing.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Appends to the audit log. {@link #record(AuditEvent)} writes in the caller's transaction, so the entry
 * exists if and only if the change it reports was committed; {@link #recordInNewTransaction(AuditEvent)}
 * is for what must stay recorded although the caller's work is rolled back (a refused access).
 *
 * <p>Appends are serialised by a transaction-level advisory lock held until the caller's transaction
 * ends, which keeps the chain a single line in commit order. Record last in a transaction, so the lock
 * is held briefly. A transaction that appends several entries (a batch of consumed events) takes the lock and
 * reads the tail once: while it holds the lock, the tail is the entry it appended last.
 */
@ApplicationScoped
public class Audit {

    private static final Object LOCK_HELD = new Object();
    /** The last entry this transaction appended: the tail the next append in it follows. */
    private static final Object TAIL = new Object();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditStore store;

    @Inject
    Callers callers;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    /** Records {@code event} for the caller of the current request, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(AuditEvent event) {
        return append(callers.current(), event);
    }

    /** Records {@code event} for {@code caller} (a scheduled job, say), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(Caller caller, AuditEvent event) {
        return append(caller, event);
    }

    /**
     * Records {@code event} in a transaction of its own that commits at once, whatever becomes of the
     * caller's. Not allowed once the caller's transaction has appended (it holds the append lock, and the
     * new transaction would wait for it forever).
     */
    public AuditEntry recordInNewTransaction(AuditEvent event) {
        Caller caller = callers.current();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE
            && transactions.getResource(LOCK_HELD) != null) {
            throw new IllegalStateException("this transaction already appended to the audit log");
        }
        return QuarkusTransaction.requiringNew().call(() -> append(caller, event));
    }

    private AuditEntry append(Caller caller, AuditEvent event) {
        try (Connection c = dataSource.getConnection()) {
            AuditChain.Link tail = (AuditChain.Link) transactions.getResource(TAIL);
            if (tail == null) {
                store.lock(c, AuditLocks.APPEND);
                transactions.putResource(LOCK_HELD, Boolean.TRUE);
                tail = store.tail(c);
            }
            // PostgreSQL keeps microseconds; hashing what is stored keeps the chain verifiable
            Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            AuditContext.Context context = AuditContext.current();
            String purpose = event.purpose() == null && context != null ? context.purpose() : event.purpose();
            AuditEntry entry = new AuditEntry(tail.seq() + 1, at, caller.subject(), caller.clientId(),
                caller.rolesText(), purpose, RequestIds.current(), event.action(), event.resourceType(),
                event.resourceId(), event.outcome().name(), event.detail(), null, null).sealed(tail.hash());
            store.insert(c, entry);
            transactions.putResource(TAIL, new AuditChain.Link(entry.seq(), entry.hash()));
            return entry;
        } catch (SQLException e) {
            throw new IllegalStateException("could not append to the audit log: " + e.getMessage(), e);
        }
    }
}
