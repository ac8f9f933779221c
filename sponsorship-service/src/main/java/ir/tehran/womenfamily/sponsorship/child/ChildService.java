package ir.tehran.womenfamily.sponsorship.child;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Scope;
import ir.tehran.womenfamily.sponsorship.consent.SponsorshipConsent;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Reads of the roster. The roster is written by the registry's events only (see the roster package). */
@ApplicationScoped
public class ChildService {

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    /** A child and whether the at-risk rule currently flags her. */
    public record Row(Child child, boolean atRisk) {
    }

    /** Filters of the roster list; null means any. */
    public record Filter(Short district, Child.Status status, Boolean giftedCandidate, Boolean atRisk, Scope scope) {
    }

    /**
     * A child with her mother as sponsorship knows her (null when no event about her has come yet), whether her
     * mother consents to sponsorship, and the school of her latest report card (null before the first).
     */
    public record Detail(Child child, boolean atRisk, Mother mother, boolean motherConsents, String school) {
    }

    @Transactional
    public Optional<Row> find(UUID id) {
        return query("where c.id = :id", Map.of("id", id)).getResultStream().findFirst().map(ChildService::row);
    }

    @Transactional
    public Optional<Detail> detail(UUID id) {
        Optional<Detail> detail = find(id).map(r -> new Detail(r.child(), r.atRisk(),
            Mother.findById(r.child().motherId), SponsorshipConsent.given(r.child().motherId),
            em.createQuery("select t.schoolName from TermReport t where t.childId = :id and t.schoolName is not null "
                + "order by t.academicYear desc, t.term desc", String.class).setParameter("id", id).setMaxResults(1)
                .getResultStream().findFirst().orElse(null)));
        audit.record(AuditEvent.of("child.read", "child", id).withPurpose("casework").found(detail));
        return detail;
    }

    /**
     * Up to {@code fetch} children of the roster in the order they were first seen, after the child
     * {@code (afterSeen, afterId)} of the previous page (none: from the first).
     */
    @Transactional
    public List<Row> list(Filter filter, Instant afterSeen, UUID afterId, int fetch) {
        StringBuilder where = new StringBuilder("where 1 = 1").append(filter.scope().and("c.district"));
        Map<String, Object> params = new HashMap<>();
        if (filter.district() != null) {
            where.append(" and c.district = :district");
            params.put("district", filter.district());
        }
        if (filter.status() != null) {
            where.append(switch (filter.status()) {
                case ACTIVE -> " and c.removedAt is null and c.agedOutOn is null";
                case AGED_OUT -> " and c.removedAt is null and c.agedOutOn is not null";
                case REMOVED -> " and c.removedAt is not null";
            });
        }
        if (filter.giftedCandidate() != null) {
            where.append(" and c.giftedCandidate = :gifted");
            params.put("gifted", filter.giftedCandidate());
        }
        if (filter.atRisk() != null) {
            where.append(filter.atRisk() ? " and r.atRisk = true" : " and (r.atRisk is null or r.atRisk = false)");
        }
        if (afterSeen != null) {
            where.append(" and (c.firstSeenAt > :afterSeen or (c.firstSeenAt = :afterSeen and c.id > :afterId))");
            params.put("afterSeen", afterSeen);
            params.put("afterId", afterId);
        }
        TypedQuery<Object[]> q = query(where + " order by c.firstSeenAt, c.id", params);
        q.setMaxResults(fetch);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : q.getResultList()) {
            rows.add(row(r));
        }
        return rows;
    }

    @Transactional
    public List<ChildHistory> history(UUID childId) {
        List<ChildHistory> lines = ChildHistory.list("childId = ?1 order by occurredAt, id", childId);
        audit.record(AuditEvent.of("child.history.read", "child", childId).withPurpose("casework").returned(lines));
        return lines;
    }

    private TypedQuery<Object[]> query(String where, Map<String, Object> params) {
        TypedQuery<Object[]> q = em.createQuery("select c, r.atRisk from Child c "
            + "left join RiskStatus r on r.childId = c.id " + where, Object[].class);
        params.forEach(q::setParameter);
        return q;
    }

    private static Row row(Object[] r) {
        return new Row((Child) r[0], Boolean.TRUE.equals(r[1]));
    }
}
