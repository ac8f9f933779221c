package ir.tehran.womenfamily.notification.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.notification.recipient.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/** A person's inbox: the notifications of the recipients her token names, newest first. */
@ApplicationScoped
public class InboxService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Up to {@code fetch} of hers, newest first, older than {@code beforeSeq} when given (keyset). */
    @Transactional
    public List<Notification> list(Set<Recipient> mine, Long beforeSeq, int fetch) {
        if (mine.isEmpty()) {
            return List.of();
        }
        TypedQuery<Notification> q = em.createQuery("from Notification n where (" + mineClause(mine) + ")"
            + (beforeSeq == null ? "" : " and n.seq < :before") + " order by n.seq desc", Notification.class);
        bind(q, mine);
        if (beforeSeq != null) {
            q.setParameter("before", beforeSeq);
        }
        return q.setMaxResults(fetch).getResultList();
    }

    /** Hers that arrived after {@code afterSeq}, oldest first: what the live stream sends next. */
    @Transactional
    public List<Notification> after(Set<Recipient> mine, long afterSeq, int max) {
        if (mine.isEmpty()) {
            return List.of();
        }
        TypedQuery<Notification> q = em.createQuery("from Notification n where (" + mineClause(mine)
            + ") and n.seq > :after order by n.seq", Notification.class);
        bind(q, mine);
        return q.setParameter("after", afterSeq).setMaxResults(max).getResultList();
    }

    /** The newest sequence number of all: a stream opened now sends what arrives after it. */
    @Transactional
    public long latestSeq() {
        Long max = em.createQuery("select max(n.seq) from Notification n", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /** The recipients with a notification newer than {@code afterSeq}, and the newest sequence number among them. */
    public record Newer(Set<Recipient> recipients, long newestSeq) {
    }

    /** One query for all open streams: whose notifications arrived after {@code afterSeq}. */
    @Transactional
    public Newer recipientsAfter(long afterSeq) {
        List<Object[]> rows = em.createQuery("select n.recipientKind, n.recipientId, max(n.seq) from Notification n "
            + "where n.seq > :after group by n.recipientKind, n.recipientId", Object[].class)
            .setParameter("after", afterSeq).getResultList();
        Set<Recipient> who = new HashSet<>();
        long newest = afterSeq;
        for (Object[] row : rows) {
            who.add(new Recipient((Recipient.Kind) row[0], (UUID) row[1]));
            newest = Math.max(newest, (Long) row[2]);
        }
        return new Newer(who, newest);
    }

    @Transactional
    public long unread(Set<Recipient> mine) {
        if (mine.isEmpty()) {
            return 0;
        }
        TypedQuery<Long> q = em.createQuery("select count(n) from Notification n where (" + mineClause(mine)
            + ") and n.readAt is null", Long.class);
        bind(q, mine);
        return q.getSingleResult();
    }

    /** One of hers, or empty when it is not hers. */
    @Transactional
    public Optional<Notification> find(Set<Recipient> mine, UUID id) {
        return Notification.<Notification>findByIdOptional(id).filter(n -> mine.contains(n.recipient()));
    }

    /** Marks one of hers read (kept as first read); empty when it is not hers. */
    @Transactional
    public Optional<Notification> markRead(Set<Recipient> mine, UUID id) {
        Optional<Notification> found = Notification.<Notification>findByIdOptional(id)
            .filter(n -> mine.contains(n.recipient()));
        found.filter(n -> n.readAt == null).ifPresent(n -> n.readAt = Instant.now(clock));
        return found;
    }

    /** Marks all of hers read; returns how many were unread. */
    @Transactional
    public int markAllRead(Set<Recipient> mine) {
        if (mine.isEmpty()) {
            return 0;
        }
        var q = em.createQuery("update Notification n set n.readAt = :now where (" + mineClause(mine)
            + ") and n.readAt is null");
        bind(q, mine);
        return q.setParameter("now", Instant.now(clock)).executeUpdate();
    }

    private static String mineClause(Set<Recipient> mine) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            terms.add("(n.recipientKind = :k" + i + " and n.recipientId = :r" + i + ")");
        }
        return String.join(" or ", terms);
    }

    private static void bind(jakarta.persistence.Query q, Set<Recipient> mine) {
        int i = 0;
        for (Recipient r : mine) {
            q.setParameter("k" + i, r.kind());
            q.setParameter("r" + i, r.id());
            i++;
        }
    }
}
