package ir.tehran.womenfamily.registry.dci;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditContext;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox's callbacks: signs each with the registry's key at each attempt and POSTs it to its URL,
 * following no redirect, after checking again that the URL is on the agency's allow-list (the directory may
 * have changed since it was queued) and that every woman it carries may still be released to the agency
 * ({@link AgencyRelease}: her consent, no sensitive cohort; a callback that fails this is WITHDRAWN, never sent,
 * and audited). A 2xx answer is delivered; anything else (3xx, 4xx, 5xx, no answer) is
 * retried after {@code backoff * 2^(attempts-1)} (at most {@code max-backoff}), and after
 * {@code max-attempts} the callback is a dead letter. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * and a lease, so two registry instances never send the same callback at once.
 */
@ApplicationScoped
public class DciCallbackSender {

    static final String JOB = "dci-callbacks";
    private static final Logger LOG = Logger.getLogger(DciCallbackSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 500;

    @Inject
    DciConfig config;

    @Inject
    AgencyDirectory directory;

    @Inject
    RegistrySigningKey signingKey;

    @Inject
    AgencyRelease release;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    DciHttp http;

    @Scheduled(every = "${registry.dci.callbacks.interval:2s}", delayed = "5s", identity = JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        AuditContext.run(JOB, "job:" + JOB, this::deliverDue);
    }

    /** Delivers every callback due now; returns how many were delivered. */
    public int deliverDue() {
        int delivered = 0;
        for (UUID id : claimDue()) {
            delivered += deliver(id) ? 1 : 0;
        }
        return delivered;
    }

    /** The delay before the attempt after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration base = config.callbacks().backoff();
        Duration max = config.callbacks().maxBackoff();
        int shift = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = base.multipliedBy(1L << shift);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    private List<UUID> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            List<DciCallback> due = em.createQuery("from DciCallback where status = :status "
                    + "and nextAttemptAt <= :now order by nextAttemptAt", DciCallback.class)
                .setParameter("status", DciCallback.Status.PENDING).setParameter("now", now)
                .setMaxResults(config.callbacks().batch())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2)
                .getResultList();
            due.forEach(c -> c.nextAttemptAt = now.plus(LEASE));
            return due.stream().map(c -> c.id).toList();
        });
    }

    private record Outcome(boolean delivered, Integer status, String error) {
    }

    private boolean deliver(UUID id) {
        DciCallback c = QuarkusTransaction.requiringNew().call(() -> DciCallback.<DciCallback>findById(id));
        if (!QuarkusTransaction.requiringNew().call(() -> releasable(c))) {
            QuarkusTransaction.requiringNew().run(() -> withdraw(id));
            return false;
        }
        Optional<URI> url = QuarkusTransaction.requiringNew().call(() -> directory.allowedCallback(c.clientId, c.url));
        Outcome outcome;
        if (url.isEmpty()) {
            // the agency's allow-list no longer has this origin: nothing leaves, and no retry will change that
            outcome = new Outcome(false, null, "not on the agency's callback allow-list");
        } else {
            outcome = post(url.get(), c.body);
        }
        boolean refused = url.isEmpty();
        QuarkusTransaction.requiringNew().run(() -> record(id, outcome, refused));
        return outcome.delivered();
    }

    /** Whether every woman the callback carries may still be released to its agency now. */
    private boolean releasable(DciCallback c) {
        if (c.beneficiaryIds == null || c.beneficiaryIds.length == 0) {
            return true;
        }
        Agency agency = directory.agencyOf(c.clientId);
        return Arrays.stream(c.beneficiaryIds).allMatch(b -> release.releasable(b, agency));
    }

    /**
     * A callback whose woman is no longer releasable (her consent revoked, a sensitive cohort, merged away, the
     * client no longer an agency) is withdrawn: it is never sent, nor retried, nor re-sendable. Which reason is
     * not written down, so that the outbox does not tell who is in a sensitive cohort.
     */
    private void withdraw(UUID id) {
        DciCallback c = DciCallback.findById(id);
        c.status = DciCallback.Status.WITHDRAWN;
        c.lastError = "no longer releasable to the agency";
        audit.record(AuditEvent.of("dci.callback.withdraw", DciCallbacks.RESOURCE, c.id)
            .withOutcome(AuditEvent.Outcome.DENIED).withDetail("client", c.clientId)
            .withDetail("action", c.action == null ? "" : c.action));
        for (UUID woman : c.beneficiaryIds) {
            audit.record(AuditEvent.of("dci.callback.withdraw", DciSearch.RESOURCE, woman)
                .withPurpose("dci-social-registry").withOutcome(AuditEvent.Outcome.DENIED)
                .withDetail("client", c.clientId).withDetail("callback", c.id.toString()));
        }
    }

    private Outcome post(URI url, String body) {
        try {
            ObjectNode tree = (ObjectNode) json.readTree(body);
            JsonNode header = tree.path("header");
            JsonNode message = tree.path("message");
            ObjectNode signed = json.createObjectNode();
            signed.put("signature", signingKey.sign(header, message));
            signed.set("header", header);
            signed.set("message", message);
            HttpRequest request = HttpRequest.newBuilder(url).timeout(config.callbacks().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(signed))).build();
            HttpResponse<Void> response = http.client().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status >= 200 && status < 300, status, status >= 200 && status < 300 ? null
                : "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
        } catch (JsonProcessingException e) {
            return new Outcome(false, null, "malformed body: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Outcome(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        }
    }

    private void record(UUID id, Outcome outcome, boolean refused) {
        DciCallback c = DciCallback.findById(id);
        Instant now = Instant.now(clock);
        c.attempts++;
        c.lastHttpStatus = outcome.status();
        if (outcome.delivered()) {
            c.status = DciCallback.Status.SENT;
            c.sentAt = now;
            c.lastError = null;
            audit.record(AuditEvent.of("dci.callback.deliver", DciCallbacks.RESOURCE, c.id)
                .withDetail("client", c.clientId).withDetail("attempts", c.attempts)
                .withDetail("httpStatus", outcome.status()));
            return;
        }
        String error = outcome.error() == null ? "failed" : outcome.error();
        c.lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (refused || c.attempts >= config.callbacks().maxAttempts()) {
            c.status = DciCallback.Status.DEAD;
            LOG.warnf("DCI callback %s to client %s is a dead letter after %d attempts: %s", c.id, c.clientId,
                c.attempts, c.lastError);
            audit.record(AuditEvent.of("dci.callback.dead", DciCallbacks.RESOURCE, c.id)
                .withOutcome(AuditEvent.Outcome.FAILED).withDetail("client", c.clientId)
                .withDetail("attempts", c.attempts).withDetail("error", c.lastError));
        } else {
            c.nextAttemptAt = now.plus(backoff(c.attempts));
        }
    }
}
