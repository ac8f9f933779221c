package ir.tehran.womenfamily.registry.release;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Draws on the campaign fund to free imprisoned mothers, which sponsorship keeps. The registry holds a read model
 * of the fund's balance from sponsorship's events ({@code release_fund_balance}, the newest sequence wins) and
 * refuses a draw that the balance, less the draws still waiting for their answer, does not cover; draws are
 * decided one at a time (a transaction-scoped advisory lock), so two cannot both take the last rials. A draw goes
 * out as {@link DrawRequested} (an opaque id and the amount, nothing that names her or her case) in the transaction
 * that records it on her case.
 */
@ApplicationScoped
public class ReleaseFundService {

    /** The fund's balance as the registry last heard it, what waits for an answer, and what may still be drawn. */
    public record Balance(long balanceRials, long waitingRials, long availableRials, long sequence,
            Instant updatedAt) {
    }

    @Inject
    SensitiveAccess access;

    @Inject
    ReleaseCaseService cases;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public Balance balance() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select balance_rials, sequence, updated_at from "
            + "release_fund_balance order by sequence desc limit 1").getResultList();
        long waiting = ((Number) em.createNativeQuery(
            "select coalesce(sum(amount_rials), 0) from release_draw where state = 'REQUESTED'").getSingleResult())
            .longValue();
        if (rows.isEmpty()) {
            return new Balance(0, waiting, 0, 0, null);
        }
        Object[] r = rows.get(0);
        long balance = ((Number) r[0]).longValue();
        Instant at = r[2] instanceof java.sql.Timestamp t ? t.toInstant()
            : r[2] instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) r[2];
        return new Balance(balance, waiting, Math.max(0, balance - waiting), ((Number) r[1]).longValue(), at);
    }

    /** Draws {@code amountRials} from the fund for her open case; 409 when the fund or the case cannot take it. */
    @Transactional
    public ReleaseCaseService.Detail draw(UUID beneficiaryId, UUID caseId, long amountRials, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, ReleaseCaseService.RESOURCE, "release-case.draw",
            breakGlassReason);
        ReleaseCase c = cases.hers(beneficiaryId, caseId, true);
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('release-fund-draws'))").getSingleResult();
        Balance balance = balance();
        try {
            c.draw(amountRials);
        } catch (ReleaseCase.Refused r) {
            throw ReleaseCaseService.problem(r);
        }
        if (amountRials > balance.availableRials()) {
            throw ProblemException.conflict("release-fund-insufficient", balance.availableRials());
        }
        Instant now = Instant.now(clock);
        ReleaseDraw d = new ReleaseDraw();
        d.id = UUID.randomUUID();
        d.caseId = c.id;
        d.amountRials = amountRials;
        d.state = ReleaseDraw.State.REQUESTED;
        d.requestedAt = now;
        d.requestedBy = grant.username();
        d.persist();
        ReleaseStep.of(c.id, ReleaseStep.Kind.FUND_DRAW, today(now), amountRials, d.id, null, grant.username(), now)
            .persist();
        outbox.append(DomainEvent.of(DrawRequested.AGGREGATE, d.id, DrawRequested.TYPE, 1,
            new DrawRequested(d.id, amountRials)));
        access.audit(grant, AuditEvent.of("release-case.draw", ReleaseCaseService.RESOURCE, beneficiaryId)
            .withDetail("caseId", c.id).withDetail("drawId", d.id));
        return new ReleaseCaseService.Detail(c, ReleaseCaseService.steps(c.id));
    }

    /** Sponsorship's balance after a change; when it paid a draw of ours, that draw is paid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(UUID fundId, long sequence, long balanceRials, UUID paidDraw) {
        keep(fundId, sequence, balanceRials);
        if (paidDraw != null) {
            em.createNativeQuery("update release_draw set state = 'PAID', answered_at = ?2 where id = ?1 "
                + "and state = 'REQUESTED'").setParameter(1, paidDraw).setParameter(2, Instant.now(clock))
                .executeUpdate();
        }
    }

    /** Sponsorship refused a draw of ours: nothing was paid, and her case gets back what the draw had reserved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refused(UUID fundId, long sequence, long balanceRials, UUID drawId) {
        keep(fundId, sequence, balanceRials);
        ReleaseDraw d = ReleaseDraw.findById(drawId);
        if (d == null || d.state != ReleaseDraw.State.REQUESTED) {
            return;
        }
        Instant now = Instant.now(clock);
        d.state = ReleaseDraw.State.REFUSED;
        d.answeredAt = now;
        ReleaseCase c = ReleaseCase.findById(d.caseId);
        c.drawRefused(d.amountRials);
        ReleaseStep.of(c.id, ReleaseStep.Kind.FUND_DRAW_REFUSED, today(now), d.amountRials, d.id, null,
            "system:sponsorship", now).persist();
    }

    private void keep(UUID fundId, long sequence, long balanceRials) {
        em.createNativeQuery("insert into release_fund_balance (fund_id, balance_rials, sequence, updated_at) "
                + "values (?1, ?2, ?3, ?4) on conflict (fund_id) do update set balance_rials = excluded.balance_rials, "
                + "sequence = excluded.sequence, updated_at = excluded.updated_at "
                + "where release_fund_balance.sequence < excluded.sequence")
            .setParameter(1, fundId).setParameter(2, balanceRials).setParameter(3, sequence)
            .setParameter(4, Instant.now(clock)).executeUpdate();
    }

    private static LocalDate today(Instant now) {
        return now.atZone(Tehran.ZONE).toLocalDate();
    }
}
