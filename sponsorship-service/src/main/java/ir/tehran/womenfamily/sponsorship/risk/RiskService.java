package ir.tehran.womenfamily.sponsorship.risk;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.sponsorship.child.ChildHistory;
import ir.tehran.womenfamily.sponsorship.child.ChildHistoryLog;
import ir.tehran.womenfamily.sponsorship.common.Scope;
import ir.tehran.womenfamily.sponsorship.school.Term;
import ir.tehran.womenfamily.sponsorship.school.TermReport;
import ir.tehran.womenfamily.sponsorship.school.TermReportSaved;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Applies the at-risk rule after each report card, keeps the verdict, and reports a child newly flagged
 * ({@code child.flagged-at-risk}, through the outbox). A child who stays at risk is not reported again;
 * one whose flag clears and later returns is.
 */
@ApplicationScoped
public class RiskService {

    @Inject
    Audit audit;

    @Inject
    SponsorshipConfig config;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ChildHistoryLog history;

    @Inject
    EntityManager em;

    /** Payload of {@code child.flagged-at-risk} v1: reason codes only, never grades. */
    public record ChildFlaggedAtRisk(UUID childId, Short district, List<RiskReason.Code> reasons, int academicYear,
            int term, Instant flaggedAt) {
    }

    /** A child on the at-risk list. */
    public record AtRisk(Child child, RiskStatus status) {
    }

    public RiskRule rule() {
        SponsorshipConfig.Risk r = config.risk();
        return new RiskRule(new RiskRule.Thresholds(r.averageDrop(), r.passMark(), r.coreSubjects(),
            r.maxAbsenceRate()));
    }

    /** A report card of hers was stored (in the saving transaction): the rule reads it at once. */
    void onTermReportSaved(@Observes TermReportSaved saved) {
        evaluate(Child.findById(saved.childId()));
    }

    /** Re-evaluates her latest report card against the one before it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RiskStatus evaluate(Child child) {
        List<TermReport> latest = TermReport.find("childId = ?1 order by academicYear desc, term desc", child.id)
            .page(0, 2).list();
        if (latest.isEmpty()) {
            return null;
        }
        Term term = Term.of(latest.get(0));
        Optional<Term> previous = latest.size() > 1 ? Optional.of(Term.of(latest.get(1)))
            : Optional.empty();
        List<RiskReason> reasons = rule().evaluate(term, previous);
        Instant now = Instant.now(clock);
        RiskStatus status = RiskStatus.findById(child.id);
        boolean wasAtRisk = status != null && status.atRisk;
        boolean created = status == null;
        if (created) {
            status = new RiskStatus();
            status.childId = child.id;
        }
        status.atRisk = !reasons.isEmpty();
        status.reasons = reasons;
        status.academicYear = (short) term.academicYear();
        status.term = (short) term.term();
        status.evaluatedAt = now;
        if (created) {
            status.persist();
        }
        if (status.atRisk && !wasAtRisk) {
            status.flaggedAt = now;
            List<RiskReason.Code> codes = reasons.stream().map(RiskReason::code).distinct().toList();
            history.record(child.id, now, ChildHistory.Kind.RISK_FLAGGED, detail(term, codes), null);
            outbox.append(DomainEvent.of(Child.AGGREGATE, child.id, "child.flagged-at-risk", 1,
                new ChildFlaggedAtRisk(child.id, child.district, codes, term.academicYear(), term.term(), now)));
        } else if (!status.atRisk && wasAtRisk) {
            history.record(child.id, now, ChildHistory.Kind.RISK_CLEARED, detail(term, List.of()), null);
        }
        return status;
    }

    @Transactional
    public Optional<RiskStatus> status(UUID childId) {
        if (Child.findById(childId) == null) {
            throw ProblemException.notFound("child", childId);
        }
        Optional<RiskStatus> status = RiskStatus.findByIdOptional(childId);
        audit.record(AuditEvent.of("risk.read", "child", childId).withPurpose("casework").found(status));
        return status;
    }

    /** Active children the rule flags now, in a district or all, most recently flagged first. */
    @Transactional
    public List<AtRisk> atRisk(Short district, Scope scope, Instant afterFlagged, UUID afterId, int fetch) {
        String where = (district == null ? "" : " and c.district = :district") + scope.and("c.district")
            + (afterFlagged == null ? ""
                : " and (r.flaggedAt < :afterFlagged or (r.flaggedAt = :afterFlagged and c.id > :afterId))");
        var q = em.createQuery("select c, r from Child c join RiskStatus r on r.childId = c.id "
            + "where r.atRisk = true and c.removedAt is null and c.agedOutOn is null" + where
            + " order by r.flaggedAt desc, c.id", Object[].class);
        if (district != null) {
            q.setParameter("district", district);
        }
        if (afterFlagged != null) {
            q.setParameter("afterFlagged", afterFlagged).setParameter("afterId", afterId);
        }
        List<AtRisk> found = q.setMaxResults(fetch).getResultStream()
            .map(r -> new AtRisk((Child) r[0], (RiskStatus) r[1])).toList();
        audit.record(AuditEvent.of("risk.list", "child", null).withPurpose("casework").returned(found));
        return found;
    }

    private static Map<String, Object> detail(Term term, List<RiskReason.Code> codes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("academicYear", term.academicYear());
        d.put("term", term.term());
        d.put("reasons", codes);
        return d;
    }
}
