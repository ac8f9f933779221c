package ir.tehran.womenfamily.sponsorship.sponsorview;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The delta feed of a sponsor's own lists, for her mobile app's cache: which items changed since her last sync and
 * which left the list (tombstones).
 *
 * <p>Her lists are views derived from many records (pledges and their ledger, the child's report cards,
 * enrolments, her mother's consent, the child's age), so a change is not a row's {@code updated_at}: the
 * bookkeeping ({@code sponsor_feed_item}: each item's view as a fingerprint and when it last changed;
 * {@code sponsor_feed_tombstone}: the items that left the list) is kept by {@link SponsorFeedRecorder}, in the
 * background, never by a read: {@link #record} compares each item's view with the fingerprint recorded before; a
 * new or different one is a change at that moment, an item no longer in the list leaves a tombstone at that
 * moment. A tombstone says only that the item left her list: a sponsorship suspended for the mother's consent and
 * one that ended leave the same tombstone, with no reason. An item that comes back clears its tombstone.
 *
 * <p>{@link #read} only reads: the list as it is now, or the recorded changes and tombstones after the phone's
 * {@code updatedSince}. A record of one sponsor's list and a read of it take turns (a transaction-scoped advisory
 * lock, exclusive to record, shared to read), so the sync token (the moment of the read, taken under the lock) is
 * exact: every change recorded up to it is in the answer, every later one gets a later time. A change is sent once
 * it is recorded (the recorder's period); a full read may send an item again at its next record, which a cache
 * takes as it is. Tombstones are kept for {@link #WINDOW}; an older {@code updatedSince} is a 410
 * {@code sponsor-feed-sync-expired}, and the app reads the list again from scratch.
 */
@ApplicationScoped
public class SponsorFeed {

    /** How long a tombstone is kept, and so how old an {@code updatedSince} may be. */
    public static final Duration WINDOW = Duration.ofDays(90);

    /** The lists that have a feed. */
    public enum Feed {
        SPONSORSHIPS,
        CHILDREN
    }

    /** An item of the list with the moment its view last changed (the read's moment when not recorded yet). */
    public record Change<T>(String key, T item, Instant changedAt) {
    }

    /** An item that left the list, and when it was first seen gone. */
    public record Removed(String key, Instant removedAt) {
    }

    /**
     * The list now, each item with its last change, in display order; or, when {@code since} is given, the items
     * whose recorded change is after it, oldest change first, and the items removed after it. {@code token} is the
     * moment of this sync: every change recorded up to it is in this answer, every later one will have a later
     * time.
     */
    public record Sync<T>(List<Change<T>> items, List<Removed> removed, Instant token) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Answers the feed over the list as it is now ({@code current}: key to view, in display order); writes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Sync<T> read(UUID sponsorId, Feed feed, Map<String, T> current, Instant since) {
        lock(sponsorId, feed, "pg_advisory_xact_lock_shared");
        Instant now = now();
        if (since != null && since.isBefore(now.minus(WINDOW))) {
            throw new ProblemException(410, "sponsor-feed-sync-expired", WINDOW.toDays());
        }
        Map<String, Object[]> known = recorded(sponsorId, feed);
        List<Change<T>> items = new ArrayList<>();
        for (Map.Entry<String, T> e : current.entrySet()) {
            Object[] was = known.get(e.getKey());
            items.add(new Change<>(e.getKey(), e.getValue(), was == null ? now : instant(was[2])));
        }
        if (since == null) {
            return new Sync<>(items, List.of(), now);
        }
        List<Change<T>> changed = items.stream()
            .filter(c -> known.containsKey(c.key()) && c.changedAt().isAfter(since))
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

    /** Records the list as it is now ({@code current}: key to view): its changes and the items that left it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> void record(UUID sponsorId, Feed feed, Map<String, T> current) {
        lock(sponsorId, feed, "pg_advisory_xact_lock");
        // taken under the lock: a read that held it before has its token, one that takes it after sees this
        // record committed, so the change time is exact; microseconds, as the column keeps them
        Instant now = now();
        Map<String, Object[]> known = recorded(sponsorId, feed);
        for (Map.Entry<String, T> e : current.entrySet()) {
            String fingerprint = fingerprint(e.getValue());
            Object[] was = known.remove(e.getKey());
            if (was == null) {
                em.createNativeQuery("insert into sponsor_feed_item (sponsor_id, feed, item_key, fingerprint, "
                        + "changed_at) values (:s, :f, :k, :p, :at)").setParameter("s", sponsorId)
                    .setParameter("f", feed.name()).setParameter("k", e.getKey()).setParameter("p", fingerprint)
                    .setParameter("at", now).executeUpdate();
                em.createNativeQuery("delete from sponsor_feed_tombstone where sponsor_id = :s and feed = :f "
                        + "and item_key = :k").setParameter("s", sponsorId).setParameter("f", feed.name())
                    .setParameter("k", e.getKey()).executeUpdate();
            } else if (!fingerprint.equals(was[1])) {
                em.createNativeQuery("update sponsor_feed_item set fingerprint = :p, changed_at = :at "
                        + "where sponsor_id = :s and feed = :f and item_key = :k").setParameter("s", sponsorId)
                    .setParameter("f", feed.name()).setParameter("k", e.getKey()).setParameter("p", fingerprint)
                    .setParameter("at", now).executeUpdate();
            }
        }
        for (String gone : known.keySet()) {
            em.createNativeQuery("delete from sponsor_feed_item where sponsor_id = :s and feed = :f and item_key = :k")
                .setParameter("s", sponsorId).setParameter("f", feed.name()).setParameter("k", gone).executeUpdate();
            em.createNativeQuery("insert into sponsor_feed_tombstone (sponsor_id, feed, item_key, deleted_at) "
                    + "values (:s, :f, :k, :at) on conflict (sponsor_id, feed, item_key) "
                    + "do update set deleted_at = excluded.deleted_at").setParameter("s", sponsorId)
                .setParameter("f", feed.name()).setParameter("k", gone).setParameter("at", now).executeUpdate();
        }
    }

    /** Deletes the tombstones older than the window (no sync may ask for them: 410); returns how many. */
    @Transactional
    public int prune() {
        return em.createNativeQuery("delete from sponsor_feed_tombstone where deleted_at < :before")
            .setParameter("before", now().minus(WINDOW)).executeUpdate();
    }

    private void lock(UUID sponsorId, Feed feed, String function) {
        em.createNativeQuery("select 1 from (select " + function + "(hashtext(:k))) l")
            .setParameter("k", "sponsor-feed:" + sponsorId + ":" + feed).getSingleResult();
    }

    private Map<String, Object[]> recorded(UUID sponsorId, Feed feed) {
        Map<String, Object[]> known = new HashMap<>();
        for (Object r : em.createNativeQuery("select item_key, fingerprint, changed_at from sponsor_feed_item "
                + "where sponsor_id = :s and feed = :f").setParameter("s", sponsorId).setParameter("f", feed.name())
                .getResultList()) {
            Object[] row = (Object[]) r;
            known.put((String) row[0], row);
        }
        return known;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
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
