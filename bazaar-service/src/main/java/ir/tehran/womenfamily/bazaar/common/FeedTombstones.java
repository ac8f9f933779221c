package ir.tehran.womenfamily.bazaar.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.web.http.Delta;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The tombstones of the bazaar's delta feeds ({@link Delta}): what left a list a phone caches, written in the
 * transaction that removed it, read by the next sync, kept {@value #RETENTION_DAYS} days. Feeds:
 * {@link #CALENDAR} (a bazaar that left the public calendar) and {@link #OFFERS} (a producer's offer that was
 * cancelled, owned by her business).
 */
@ApplicationScoped
public class FeedTombstones {

    public static final String CALENDAR = "calendar";
    public static final String OFFERS = "offers";
    static final int RETENTION_DAYS = 90;

    @Inject
    EntityManager em;

    /** Records that {@code id} left {@code feed}; needs the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String feed, UUID id, UUID owner) {
        em.createNativeQuery("insert into feed_tombstone (feed, id, owner_id, deleted_at) values (?1, ?2, ?3, ?4) "
                + "on conflict (feed, id) do update set deleted_at = excluded.deleted_at")
            .setParameter(1, feed).setParameter(2, id).setParameter(3, owner)
            .setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
    }

    /** The tombstones of {@code feed} since {@code since}, oldest first; only those of {@code owners} if given. */
    @Transactional
    public List<Delta.Tombstone> since(String feed, Instant since, Collection<UUID> owners) {
        if (owners != null && owners.isEmpty()) {
            return List.of();
        }
        String sql = "select id, deleted_at from feed_tombstone where feed = ?1 and deleted_at > ?2"
            + (owners == null ? "" : " and owner_id in (?3)") + " order by deleted_at, id";
        var q = em.createNativeQuery(sql).setParameter(1, feed).setParameter(2, Timestamp.from(since));
        if (owners != null) {
            q.setParameter(3, owners);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new Delta.Tombstone(r[0].toString(), instant(r[1]))).toList();
    }

    @Scheduled(every = "24h", delayed = "5m", identity = "feed-tombstone-prune",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        em.createNativeQuery("delete from feed_tombstone where deleted_at < now() - make_interval(days => ?1)")
            .setParameter(1, RETENTION_DAYS).executeUpdate();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
