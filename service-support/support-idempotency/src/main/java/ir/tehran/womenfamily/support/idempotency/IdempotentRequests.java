package ir.tehran.womenfamily.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code Idempotency-Key} on creates (the IETF httpapi draft's semantics): the first request with a key
 * runs and its answer is stored in the same transaction; a retry with the same key and the same body
 * gets that answer again (with {@code Idempotent-Replayed: true}); the same key with another body is a
 * 422. Concurrent retries wait for the first to commit. Keys are kept for a day; a run of the expiry that
 * removed any records one audit entry by {@code system:idempotency-expiry} in its transaction.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    static final String EXPIRY_JOB = "idempotency-expiry";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    /** Runs {@code create} once per (principal, key); without a key it simply runs. */
    @Transactional
    public Response execute(String key, String principal, Object request, Supplier<Response> create) {
        if (key == null || key.isBlank()) {
            return create.get();
        }
        if (key.length() > 200) {
            throw ProblemException.invalid(HEADER, "validation.wrong-format");
        }
        String hash = hash(request);
        int inserted = em.createNativeQuery("insert into idempotency_key (principal, idem_key, request_hash) "
                + "values (?, ?, ?) on conflict do nothing")
            .setParameter(1, principal).setParameter(2, key).setParameter(3, hash)
            .executeUpdate();
        if (inserted == 0) {
            return replay(principal, key, hash);
        }
        Response response = create.get();
        em.createNativeQuery("update idempotency_key set status = ?, location = ?, body = ? "
                + "where principal = ? and idem_key = ?")
            .setParameter(1, response.getStatus())
            .setParameter(2, response.getLocation() == null ? null : response.getLocation().toString())
            .setParameter(3, write(response.getEntity()))
            .setParameter(4, principal).setParameter(5, key)
            .executeUpdate();
        return response;
    }

    private Response replay(String principal, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, location, body "
                + "from idempotency_key where principal = ? and idem_key = ?")
            .setParameter(1, principal).setParameter(2, key)
            .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0]) || row[1] == null) {
            throw new ProblemException(422, "idempotency-key-reused");
        }
        Response.ResponseBuilder b = Response.status(((Number) row[1]).intValue())
            .header("Idempotent-Replayed", "true");
        if (row[2] != null) {
            b.location(java.net.URI.create((String) row[2]));
        }
        if (row[3] != null) {
            b.entity(row[3]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return b.build();
    }

    @Scheduled(every = "1h", delayed = "1m", identity = EXPIRY_JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledExpiry() {
        expire();
    }

    /** Deletes the keys older than a day; returns how many. */
    @Transactional
    public int expire() {
        // now() is the transaction's start, so this is the cutoff the delete below uses
        Object cutoff = em.createNativeQuery("select now() - interval '1 day'").getSingleResult();
        int deleted = em.createNativeQuery("delete from idempotency_key where created_at < now() - interval '1 day'")
            .executeUpdate();
        if (deleted > 0) {
            audit.record(Caller.system(EXPIRY_JOB), AuditEvent.of("housekeeping.idempotency-key.expire",
                    "idempotency-key", null).withPurpose("job:" + EXPIRY_JOB).withDetail("rows", deleted)
                .withDetail("cutoff", instant(cutoff)));
        }
        return deleted;
    }

    private static Object instant(Object timestamp) {
        if (timestamp instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (timestamp instanceof Timestamp t) {
            return t.toInstant();
        }
        return timestamp instanceof Instant ? timestamp : String.valueOf(timestamp);
    }

    private String write(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] bytes = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
