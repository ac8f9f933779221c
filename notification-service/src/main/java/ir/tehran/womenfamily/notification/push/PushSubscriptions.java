package ir.tehran.womenfamily.notification.push;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.notification.NotificationConfig;
import ir.tehran.womenfamily.notification.recipient.Recipient;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Her push subscriptions: registered from her browser or phone, removed by her or when the push service says gone. */
@ApplicationScoped
public class PushSubscriptions {

    /** An uncompressed P-256 point: 0x04, then x and y. */
    private static final int P256_POINT = 65;
    /** RFC 8291: the authentication secret is 16 bytes. */
    private static final int AUTH_SECRET = 16;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    /**
     * Registers a subscription for every recipient her token names (the same endpoint again replaces its keys) and
     * returns the first. Refused 400: an endpoint that is not an absolute https URL (this service posts to it), keys
     * that are not a P-256 point and a 16-byte secret in base64url.
     */
    @Transactional
    public PushSubscription register(Set<Recipient> mine, String endpoint, String p256dh, String auth) {
        validate(endpoint, p256dh, auth);
        if (mine.isEmpty()) {
            throw ProblemException.conflict("no-recipient");
        }
        PushSubscription first = null;
        for (Recipient r : mine) {
            PushSubscription s = PushSubscription.<PushSubscription>find("recipientKind = ?1 and recipientId = ?2 "
                + "and endpoint = ?3", r.kind(), r.id(), endpoint).firstResultOptional().orElseGet(() -> {
                    PushSubscription fresh = new PushSubscription();
                    fresh.id = UUID.randomUUID();
                    fresh.recipientKind = r.kind();
                    fresh.recipientId = r.id();
                    fresh.endpoint = endpoint;
                    fresh.createdAt = Instant.now(clock);
                    return fresh;
                });
            s.p256dh = p256dh;
            s.auth = auth;
            s.persist();
            audit.record(AuditEvent.of("push-subscription.register", "push-subscription", s.id));
            first = first == null ? s : first;
        }
        return first;
    }

    /** Removes one of hers (with the same endpoint's rows of her other recipients); false when not hers. */
    @Transactional
    public boolean remove(Set<Recipient> mine, UUID id) {
        Optional<PushSubscription> found = PushSubscription.<PushSubscription>findByIdOptional(id)
            .filter(s -> mine.contains(s.recipient()));
        if (found.isEmpty()) {
            return false;
        }
        for (PushSubscription s : PushSubscription.<PushSubscription>list("endpoint", found.get().endpoint)) {
            if (mine.contains(s.recipient())) {
                audit.record(AuditEvent.of("push-subscription.remove", "push-subscription", s.id));
                s.delete();
            }
        }
        return true;
    }

    /** The subscriptions of one recipient. */
    public List<PushSubscription> of(Recipient r) {
        return PushSubscription.list("recipientKind = ?1 and recipientId = ?2", r.kind(), r.id());
    }

    private void validate(String endpoint, String p256dh, String auth) {
        URI uri;
        try {
            uri = endpoint == null ? null : URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        boolean secure = uri != null && "https".equals(uri.getScheme());
        boolean allowed = secure || uri != null && config.push().allowInsecureEndpoints()
            && "http".equals(uri.getScheme());
        if (!allowed || uri.getHost() == null || endpoint.length() > 2048) {
            throw ProblemException.invalid("endpoint", "validation.push-endpoint");
        }
        byte[] point = decode(p256dh);
        if (point == null || point.length != P256_POINT || point[0] != 4) {
            throw ProblemException.invalid("keys.p256dh", "validation.push-key");
        }
        byte[] secret = decode(auth);
        if (secret == null || secret.length != AUTH_SECRET) {
            throw ProblemException.invalid("keys.auth", "validation.push-auth");
        }
    }

    private static byte[] decode(String base64url) {
        if (base64url == null) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(base64url.replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
