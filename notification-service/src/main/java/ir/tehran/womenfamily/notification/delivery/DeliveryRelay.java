package ir.tehran.womenfamily.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.notification.NotificationConfig;
import ir.tehran.womenfamily.notification.channel.Channels;
import ir.tehran.womenfamily.notification.inbox.Notification;
import ir.tehran.womenfamily.notification.push.PushSubscription;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Sends the due deliveries. Each replica runs it; a due row is taken {@code for update skip locked}, so no two
 * replicas send the same delivery. An answer of 429, 5xx or no answer is tried again after a back-off that doubles
 * from {@code notification.push.initial-backoff} up to {@code max-backoff}, until {@code max-attempts}; 404 and 410
 * mean the subscription is gone (it is removed); any other refusal fails the delivery at once.
 */
@ApplicationScoped
public class DeliveryRelay {

    static final int BATCH = 50;

    @Inject
    EntityManager em;

    @Inject
    PushSender push;

    @Inject
    Channels channels;

    @Inject
    NotificationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Scheduled(every = "${notification.push.deliver-every:5s}", delayed = "10s", identity = "push-delivery",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deliverDue(Instant.now(clock));
    }

    /** Sends the deliveries due at {@code now}; returns how many were tried. */
    @Transactional
    public int deliverDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("select id from delivery where status = 'PENDING' and "
                + "next_attempt_at <= ?1 order by next_attempt_at, id limit ?2 for update skip locked", UUID.class)
            .setParameter(1, now).setParameter(2, BATCH).getResultList();
        for (UUID id : due) {
            send(Delivery.findById(id), now);
        }
        return due.size();
    }

    void send(Delivery d, Instant now) {
        PushSubscription s = d.subscriptionId == null ? null : PushSubscription.findById(d.subscriptionId);
        if (s == null || !push.enabled()) {
            d.status = Delivery.Status.GONE;
            d.lastError = s == null ? "subscription removed" : "push is off";
            return;
        }
        Notification n = Notification.findById(d.notificationId);
        d.attempts++;
        PushSender.Result result = push.send(s, payload(n, channels.of(n.recipient()).language()));
        switch (result.outcome()) {
            case SENT -> {
                d.status = Delivery.Status.SENT;
                d.sentAt = now;
                d.lastError = null;
            }
            case GONE -> {
                d.status = Delivery.Status.GONE;
                d.lastError = result.error();
                em.createQuery("update Delivery d set d.subscriptionId = null where d.subscriptionId = :s")
                    .setParameter("s", s.id).executeUpdate();
                s.delete();
            }
            case REFUSED -> {
                d.status = Delivery.Status.FAILED;
                d.lastError = result.error();
            }
            case RETRY -> {
                d.lastError = result.error();
                if (d.attempts >= config.push().maxAttempts()) {
                    d.status = Delivery.Status.FAILED;
                } else {
                    d.nextAttemptAt = now.plus(backoff(d.attempts));
                }
            }
            default -> throw new IllegalStateException(result.outcome().name());
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: the initial back-off doubled each time, capped. */
    Duration backoff(int attempts) {
        Duration wait = config.push().initialBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.push().maxBackoff()) > 0 ? config.push().maxBackoff() : wait;
    }

    /** What the service worker receives: the notification in her language, with the record it is about. */
    byte[] payload(Notification n, String language) {
        Locale locale = "en".equals(language) ? Messages.ENGLISH : Messages.PERSIAN;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", n.id.toString());
        p.put("kind", n.kind);
        p.put("subjectId", n.subjectId == null ? null : n.subjectId.toString());
        p.put("title", n.title(locale));
        p.put("body", n.body(locale));
        p.put("createdAt", n.createdAt.toString());
        p.put("createdAtJalali", Days.jalali(n.createdAt));
        try {
            return json.writeValueAsString(p).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
