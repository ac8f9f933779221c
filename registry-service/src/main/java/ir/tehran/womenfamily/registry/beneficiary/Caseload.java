package ir.tehran.womenfamily.registry.beneficiary;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Delta;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * A caller's caseload as a delta feed, for a mobile app that caches it: the women she may see (the rule of
 * {@code access/WomanAccess}: an admin every woman, a caseworker the women of the districts her token names,
 * those she registered and those whose case is hers), merged-away records left out, changed since
 * {@code updatedSince}, in the order of their last change; and, on the first page of a sync, the tombstones of
 * the women who left her sight since then.
 *
 * <p>Need to know: a woman appears only while the caller may see her, so no count, order or cursor shows one she
 * may not; a cursor holds the change time and id of the last woman of the page, which the caller has just read.
 * A tombstone ({@code caseload_tombstone}, filled by the database in the transaction that changed her; V70) is
 * shown only to a caller who could see her under the facts she had before, and only when she cannot see her now;
 * it is {@code {id, deletedAt}} and nothing else: merged, moved, her case given away or deleted all look alike.
 * A change to the caller's own token (other districts) is not a change of any woman: after one, the app syncs
 * from scratch (no {@code updatedSince}).
 */
@ApplicationScoped
public class Caseload {

    /** How long a tombstone is kept: an {@code updatedSince} older than this is a 410, and the app syncs anew. */
    public static final Duration RETENTION = Duration.ofDays(90);
    static final String EXPIRY_JOB = "caseload-tombstone-expiry";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    /**
     * One page of her caseload changed after {@code since} (everything when null), after the cursor of
     * {@code page}, and the tombstones since {@code since} on the first page.
     */
    @Transactional
    public Delta<BeneficiaryDtos.BeneficiarySummary> changes(Caller caller, Instant since, PageRequest page,
            Instant syncToken) {
        if (since != null && since.isBefore(Instant.now(clock).minus(RETENTION))) {
            throw new ProblemException(410, "caseload-sync-expired", RETENTION.toDays());
        }
        Visibility v = Visibility.of(caller);
        StringBuilder sql = new StringBuilder("select w.id, w.changed_at from (select b.id, ")
            .append(v.changedAt()).append(" as changed_at ")
            .append("from beneficiary b left join beneficiary_case c on c.beneficiary_id = b.id ")
            .append("where b.merged_into is null and ").append(v.sees("b", "c")).append(") w where true");
        List<Object> params = new ArrayList<>(v.changedAtParameters());
        params.addAll(v.parameters());
        if (since != null) {
            sql.append(" and w.changed_at > ?");
            params.add(at(since));
        }
        if (page.cursor() != null) {
            sql.append(" and (w.changed_at, w.id) > (?, ?)");
            params.add(at(page.cursor().instant(0)));
            params.add(page.cursor().uuid(1));
        }
        sql.append(" order by w.changed_at, w.id limit ?");
        params.add(page.fetchSize());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.toString()), params).getResultList();
        Page<Object[]> keys = page.page(rows, r -> Cursor.of(instant(r[1]), r[0]));
        List<UUID> ids = keys.items().stream().map(r -> (UUID) r[0]).toList();
        Map<UUID, Beneficiary> byId = ids.isEmpty() ? Map.of() : Beneficiary.<Beneficiary>list("id in ?1", ids)
            .stream().collect(Collectors.toMap(b -> b.id, Function.identity()));
        Page<BeneficiaryDtos.BeneficiarySummary> items = keys
            .map(r -> BeneficiaryDtos.BeneficiarySummary.of(byId.get((UUID) r[0]), null));
        List<Delta.Tombstone> gone = since == null || page.cursor() != null ? List.of() : tombstones(v, since);
        return Delta.of(items, gone, syncToken);
    }

    /** The women who left the caller's sight after {@code since}: she could see them before, and cannot now. */
    private List<Delta.Tombstone> tombstones(Visibility v, Instant since) {
        StringBuilder sql = new StringBuilder("select t.record_id, max(t.left_at) from caseload_tombstone t ")
            .append("where t.left_at > ? and ").append(v.sawBefore("t"))
            .append(" and not exists (select 1 from beneficiary b left join beneficiary_case c ")
            .append("on c.beneficiary_id = b.id where b.id = t.record_id and b.merged_into is null and ")
            .append(v.sees("b", "c")).append(") group by t.record_id order by 2, 1");
        List<Object> params = new ArrayList<>();
        params.add(at(since));
        params.addAll(v.parameters());
        params.addAll(v.parameters());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql.toString()), params).getResultList();
        return rows.stream().map(r -> new Delta.Tombstone(r[0].toString(), instant(r[1]))).toList();
    }

    /**
     * Who a caller may see, as SQL over a woman ({@code b}) and her case ({@code c}), and over a tombstone's
     * former facts: the rule of {@code WomanAccess.basis}. The districts are whole numbers 1..22 from the verified
     * token, written into the SQL as such; the subject is a parameter.
     */
    private record Visibility(boolean admin, String districts, String subject) {

        static Visibility of(Caller caller) {
            String districts = caller.namedDistricts().stream().map(String::valueOf)
                .collect(Collectors.joining(","));
            return new Visibility(caller.isAdmin(), districts, caller.subject() == null ? "" : caller.subject());
        }

        /** When her record last changed for this caller: her own change, or her case given to this caller. */
        String changedAt() {
            return admin ? "coalesce(b.updated_at, b.registered_at)"
                : "greatest(coalesce(b.updated_at, b.registered_at), "
                    + "case when c.assigned_to = ? then c.assigned_at end)";
        }

        List<Object> changedAtParameters() {
            return admin ? List.of() : List.of(subject);
        }

        String sees(String b, String c) {
            if (admin) {
                return "true";
            }
            return "(" + (districts.isEmpty() ? "" : b + ".district in (" + districts + ") or ") + b
                + ".created_by = ? or " + c + ".assigned_to = ?)";
        }

        String sawBefore(String t) {
            if (admin) {
                return "true";
            }
            return "(" + (districts.isEmpty() ? "" : t + ".district in (" + districts + ") or ") + t
                + ".created_by = ? or " + t + ".assigned_to = ?)";
        }

        List<Object> parameters() {
            return admin ? List.of() : List.of(subject, subject);
        }
    }

    @Scheduled(every = "6h", delayed = "1m", identity = EXPIRY_JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledExpiry() {
        expire();
    }

    /** Deletes the tombstones older than {@link #RETENTION}; returns how many (audited when any). */
    @Transactional
    public int expire() {
        Instant cutoff = Instant.now(clock).minus(RETENTION);
        int deleted = em.createNativeQuery("delete from caseload_tombstone where left_at < ?")
            .setParameter(1, at(cutoff)).executeUpdate();
        if (deleted > 0) {
            audit.record(Caller.system(EXPIRY_JOB), AuditEvent.of("housekeeping.caseload-tombstone.expire",
                    "caseload-tombstone", null).withPurpose("job:" + EXPIRY_JOB).withDetail("rows", deleted)
                .withDetail("cutoff", cutoff));
        }
        return deleted;
    }

    private static Query bind(Query q, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            q.setParameter(i + 1, values.get(i));
        }
        return q;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
