package ir.tehran.womenfamily.registry.dci;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Signed callbacks to agencies, the one way the registry sends an agency anything ({@code on-search},
 * {@code on-status}, {@code notify}, a referral ...). {@link #send} puts the callback in the outbox in the
 * caller's transaction; {@link DciCallbackSender} signs and delivers it, retrying with back-off, and makes it
 * a dead letter after the last attempt. A callback goes only to a URL whose scheme, host and port are on the
 * agency's allow-list in the {@link AgencyDirectory}: any other is refused here and never leaves.
 */
@ApplicationScoped
public class DciCallbacks {

    static final String RESOURCE = "dci.callback";

    @Inject
    AgencyDirectory directory;

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /**
     * Queues a signed callback to an agency. {@code target} is an absolute URL (the request's
     * {@code sender_uri} joined with the callback's path, {@code https://agency.example/dci/registry/on-search})
     * or a path below the agency's first callback base URL ({@code /registry/notify}). {@code envelope} is any
     * object with {@code header} and {@code message} (its {@code signature}, if any, is replaced by the
     * registry's at delivery). A target not on the allow-list is a 403 problem {@code dci-callback-host}.
     *
     * @return the callback's id (in the outbox; the admin API shows it)
     */
    @Transactional
    public UUID send(String agencyClientId, String target, Object envelope) {
        return send(agencyClientId, target, envelope, List.of());
    }

    /**
     * Queues a signed callback that releases {@code women} to the agency (on-search records, a notify, a referral
     * out), as {@link #send(String, String, Object)}. When it is sent, each of them must still be releasable to
     * the agency ({@link AgencyRelease}); if one is not, it is withdrawn and never leaves.
     */
    @Transactional
    public UUID send(String agencyClientId, String target, Object envelope, Collection<UUID> women) {
        URI url = directory.allowedCallback(agencyClientId, target)
            .orElseThrow(() -> new ProblemException(403, "dci-callback-host"));
        JsonNode tree = json.valueToTree(envelope);
        ObjectNode body = json.createObjectNode();
        body.set("header", tree.path("header"));
        body.set("message", tree.path("message"));
        DciCallback c = new DciCallback();
        c.id = UUID.randomUUID();
        c.clientId = agencyClientId;
        c.url = url.toString();
        c.action = Envelopes.text(tree.path("header"), "action");
        c.transactionId = Envelopes.text(tree.path("message"), "transaction_id");
        try {
            c.body = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        c.beneficiaryIds = new LinkedHashSet<>(women).toArray(UUID[]::new);
        c.status = DciCallback.Status.PENDING;
        c.createdAt = Instant.now(clock);
        c.nextAttemptAt = c.createdAt;
        c.persist();
        audit.record(AuditEvent.of("dci.callback.queue", RESOURCE, c.id).withDetail("client", agencyClientId)
            .withDetail("action", c.action == null ? "" : c.action).withDetail("url", c.url));
        return c.id;
    }

    /** Whether the agency may be called back at {@code target} (see {@link #send}). */
    public boolean allowed(String agencyClientId, String target) {
        return directory.allowedCallback(agencyClientId, target).isPresent();
    }

    /** The callbacks of one status, oldest first. */
    @Transactional
    public List<DciCallback> list(DciCallback.Status status) {
        return DciCallback.list("status", io.quarkus.panache.common.Sort.by("createdAt").and("id"), status);
    }

    /** A dead letter queued again: its attempts start over (an admin's act, audited). */
    @Transactional
    public DciCallback resend(UUID id) {
        DciCallback c = DciCallback.findById(id);
        if (c == null) {
            throw ProblemException.notFound("callback", id);
        }
        if (c.status != DciCallback.Status.DEAD) {
            throw ProblemException.conflict("dci-callback-not-dead");
        }
        c.status = DciCallback.Status.PENDING;
        c.attempts = 0;
        c.nextAttemptAt = Instant.now(clock);
        audit.record(AuditEvent.of("dci.callback.resend", RESOURCE, c.id).withDetail("client", c.clientId));
        return c;
    }
}
