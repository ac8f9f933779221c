package ir.tehran.womenfamily.sponsorship.sponsorview;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The delta feed of a sponsor's own lists, for her mobile app's cache: which items changed since her last sync and
 * which left the list (tombstones).
 *
 * <p>Her lists are views derived from many records (pledges and their ledger, the child's report cards,
 * enrolments, her mother's consent, the child's age), so a change is not a row's {@code updated_at}: each time a
 * list is served, every item's view is fingerprinted and compared with the fingerprint stored when it was last
 * served ({@code sponsor_feed_item}); a new or different fingerprint is a change at that moment, an item no longer
 * in the list leaves a tombstone ({@code sponsor_feed_tombstone}) at that moment. The sponsor therefore learns of a
 * change no earlier than she would by reading the list, and a tombstone says only that the item left her list:
 * a sponsorship suspended for the mother's consent and one that ended leave the same tombstone, with no reason and
 * at the time it was first seen gone, not the time of the suspension. An item that comes back clears its tombstone.
 *
 * <p>Runs in the caller's transaction; concurrent syncs of one sponsor's list take turns (a transaction-scoped
 * advisory lock on the sponsor and list), so a change is recorded once and the sync token is exact.
 */
@ApplicationScoped
public class SponsorFeed {

    /** The lists that have a feed. */
    public enum Feed {
        SPONSORSHIPS,
        CHILDREN
    }

    /** An item of the list with the moment its view last changed. */
    public record Change<T>(String key, T item, Instant changedAt) {
    }

    /** An item that left the list, and when it was first seen gone. */
    public record Removed(String key, Instant removedAt) {
    }

    /**
     * The list now, each item with its last change, in display order; or, when {@code since} is given, the items
     * changed after it, oldest change first, and the items removed after it. {@code token} is the moment of this
     * sync: every change up to it is in this answer, every later one will have a later time.
     */
    public record Sync<T>(List<Change<T>> items, List<Removed> removed, Instant token) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Records the list as it is now ({@code current}: key to view, in display order) and answers the feed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Sync<T> sync(UUID sponsorId, Feed feed, Map<String, T> current, Instant since) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:k))) l")
            .setParameter("k", "sponsor-feed:" + sponsorId + ":" + feed).getSingleResult();
        // taken under the lock: a sync that held it before has committed, one that takes it after will see a
        // later time, so "now" is an exact sync token (no margin needed); microseconds, as the column keeps them
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object[]> known = new HashMap<>();
        for (Object r : em.createNativeQuery("select item_key, fingerprint, changed_at from sponsor_feed_item "
                + "where sponsor_id = :s and feed = :f").setParameter("s", sponsorId).setParameter("f", feed.name())
                .getResultList()) {
            Object[] row = (Object[]) r;
            known.put((String) row[0], row);
        }
        List<Change<T>> items = new ArrayList<>();
        for (Map.Entry<String, T> e : current.entrySet()) {
            String fingerprint = fingerprint(e.getValue());
            Object[] was = known.remove(e.getKey());
            Instant changedAt;
            if (was == null) {
                changedAt = now;
                em.createNativeQuery("insert into sponsor_feed_item (sponsor_id, feed, item_key, fingerprint, "
                        + "changed_at) values (:s, :f, :k, :p, :at)").setParameter("s", sponsorId)
                    .setParameter("f", feed.name()).setParameter("k", e.getKey()).setParameter("p", fingerprint)
                    .setParameter("at", now).executeUpdate();
                em.createNativeQuery("delete from sponsor_feed_tombstone where sponsor_id = :s and feed = :f "
                        + "and item_key = :k").setParameter("s", sponsorId).setParameter("f", feed.name())
                    .setParameter("k", e.getKey()).executeUpdate();
            } else if (!fingerprint.equals(was[1])) {
                changedAt = now;
                em.createNativeQuery("update sponsor_feed_item set fingerprint = :p, changed_at = :at "
                        + "where sponsor_id = :s and feed = :f and item_key = :k").setParameter("s", sponsorId)
                    .setParameter("f", feed.name()).setParameter("k", e.getKey()).setParameter("p", fingerprint)
                    .setParameter("at", now).executeUpdate();
            } else {
                changedAt = instant(was[2]);
            }
            items.add(new Change<>(e.getKey(), e.getValue(), changedAt));
        }
        for (String gone : known.keySet()) {
            em.createNativeQuery("delete from sponsor_feed_item where sponsor_id = :s and feed = :f and item_key = :k")
                .setParameter("s", sponsorId).setParameter("f", feed.name()).setParameter("k", gone).executeUpdate();
            em.createNativeQuery("insert into sponsor_feed_tombstone (sponsor_id, feed, item_key, deleted_at) "
                    + "values (:s, :f, :k, :at) on conflict (sponsor_id, feed, item_key) "
                    + "do update set deleted_at = excluded.deleted_at").setParameter("s", sponsorId)
                .setParameter("f", feed.name()).setParameter("k", gone).setParameter("at", now).executeUpdate();
        }
        if (since == null) {
            return new Sync<>(items, List.of(), now);
        }
        List<Change<T>> changed = items.stream().filter(c -> c.changedAt().isAfter(since))
            .sorted(Comparator.comparing((Change<T> c) -> c.changedAt()).thenComparing(Change::key)).toList();
        List<Removed> removed = new ArrayList<>();
        for (Object r : em.createNativeQuery("select item_key, deleted_at from sponsor_feed_tombstone "
                + "where sponsor_id = :s and feed = :f and deleted_at > :since order by deleted_at, item_key")
                .setParameter("s", sponsorId).setParameter("f", feed.name()).setParameter("since", since)
                .getResultList()) {
            Object[] row = (Object[]) r;
            removed.add(new Removed((String) row[0], instant(row[1])));
        }
        return new Sync<>(changed, removed, now);
    }

    private String fingerprint(Object view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(view));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
