package ir.tehran.womenfamily.notification.inbox;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.notification.recipient.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes the open live streams when a notification for them is stored, so that no stream polls the database.
 *
 * <p>Two ways a stream is woken, both cheap: (1) the inbox writer on this replica ({@code Notifier}) calls
 * {@link #storedInThisTransaction} and the streams of that recipient are woken once the transaction commits (an
 * in-process signal: immediate, and nothing when it rolls back); (2) for the notifications another replica stored,
 * one shared look every {@code notification.stream.poll-every} ({@link #lookForOthers}): a single query of the
 * recipients with a notification newer than the newest seen, however many streams are open. A woken stream reads
 * only its own new notifications. Every open stream also gets a heartbeat comment line
 * ({@code notification.stream.heartbeat-every}) from one shared timer, so proxies keep it open and a client sees a
 * dead connection.
 *
 * <p>This rather than PostgreSQL's LISTEN/NOTIFY: the service reaches PostgreSQL through the pooled JDBC driver
 * only, and LISTEN needs one connection held open outside the pool, re-established after every failover, and still
 * read by polling {@code getNotifications}; a replica's own writes (every notification, when one replica runs) are
 * signalled without the database at all.
 */
@ApplicationScoped
public class StreamHub {

    /** An open stream: woken when one of its recipients has news; told to send a heartbeat. */
    public interface Listener {
        void wake();

        void heartbeat();
    }

    private final Set<Registration> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong newestSeen = new AtomicLong();

    @Inject
    InboxService inbox;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private record Registration(Set<Recipient> mine, Listener listener) {
    }

    void start(@Observes StartupEvent event) {
        newestSeen.set(inbox.latestSeq());
    }

    /** Registers an open stream for its recipients; the returned handle removes it. */
    public Runnable open(Set<Recipient> mine, Listener listener) {
        Registration r = new Registration(Set.copyOf(mine), listener);
        open.add(r);
        return () -> open.remove(r);
    }

    /** The number of open streams on this replica. */
    public int openStreams() {
        return open.size();
    }

    /** Called by the inbox writer in its transaction: her streams are woken when it commits. */
    public void storedInThisTransaction(Recipient to) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake(Set.of(to));
                }
            }
        });
    }

    /** The one shared look for notifications stored by other replicas (nothing to do with no stream open). */
    @Scheduled(every = "${notification.stream.poll-every:2s}", identity = "stream-shared-look",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void lookForOthers() {
        if (open.isEmpty()) {
            newestSeen.set(Math.max(newestSeen.get(), inbox.latestSeq()));
            return;
        }
        InboxService.Newer newer = inbox.recipientsAfter(newestSeen.get());
        newestSeen.set(Math.max(newestSeen.get(), newer.newestSeq()));
        wake(newer.recipients());
    }

    /** The one shared heartbeat of every open stream. */
    @Scheduled(every = "${notification.stream.heartbeat-every:15s}", identity = "stream-heartbeat",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void heartbeat() {
        for (Registration r : open) {
            r.listener().heartbeat();
        }
    }

    private void wake(Set<Recipient> who) {
        if (who.isEmpty()) {
            return;
        }
        for (Registration r : open) {
            if (!Collections.disjoint(r.mine(), who)) {
                r.listener().wake();
            }
        }
    }
}
