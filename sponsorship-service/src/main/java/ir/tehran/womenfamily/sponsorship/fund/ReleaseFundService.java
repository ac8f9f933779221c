package ir.tehran.womenfamily.sponsorship.fund;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.benefactor.Benefactor;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The campaign fund to free imprisoned mothers: benefactors' contributions in, the registry's draws out, each a
 * ledger entry and an event ({@link ReleaseFundEvents}) in the same transaction. A draw names only the registry's
 * opaque id and the amount; it is paid once (a redelivered draw finds its entry), and refused, with nothing paid,
 * when the balance does not cover it.
 */
@ApplicationScoped
public class ReleaseFundService {

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public CampaignFund fund() {
        return CampaignFund.find("code", CampaignFund.MOTHERS_RELEASE).singleResult();
    }

    @Transactional
    public List<LedgerEntry> entries(UUID fundId) {
        return LedgerEntry.list("fundId = ?1 order by id desc", fundId);
    }

    /** One entry of the fund's ledger, if it is the fund's. */
    @Transactional
    public Optional<LedgerEntry> entry(long entryId) {
        return LedgerEntry.<LedgerEntry>find("id = ?1 and fundId = ?2", entryId, fund().id).firstResultOptional();
    }

    @Transactional
    public LedgerEntry contribute(ReleaseFundDtos.Contribution c, String by) {
        if (Benefactor.findById(c.benefactorId()) == null) {
            throw ProblemException.invalid("benefactorId", "validation.unknown-benefactor");
        }
        CampaignFund fund = locked();
        LocalDate on = c.receivedOn() != null ? c.receivedOn() : Tehran.today(clock);
        if (on.isAfter(Tehran.today(clock))) {
            throw ProblemException.invalid("receivedOn", "validation.not-in-future");
        }
        fund.contribute(c.amountRials());
        LedgerEntry e = entry(fund, LedgerEntry.Kind.CONTRIBUTED, c.amountRials(), on, c.note(), by);
        e.benefactorId = c.benefactorId();
        e.persist();
        outbox.append(DomainEvent.of(ReleaseFundEvents.AGGREGATE, fund.id, ReleaseFundEvents.CHANGED, 1,
            changed(fund, null, null)));
        audit.record(AuditEvent.of("release-fund.contribution", "campaign-fund", fund.id)
            .withDetail("entryId", e.id));
        return e;
    }

    /** Applies the registry's draw {@code drawId} of {@code amount} rials, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void draw(UUID drawId, long amount) {
        if (LedgerEntry.count("referenceType = ?1 and referenceId = ?2", LedgerEntry.ReferenceType.FUND_DRAW,
            drawId) > 0) {
            return;
        }
        CampaignFund fund = locked();
        if (!fund.draw(amount)) {
            fund.sequence++;
            outbox.append(DomainEvent.of(ReleaseFundEvents.AGGREGATE, fund.id, ReleaseFundEvents.DRAW_REFUSED, 1,
                new ReleaseFundEvents.DrawRefused(fund.id, fund.sequence, fund.balanceRials(), drawId, amount)));
            audit.record(AuditEvent.of("release-fund.draw-refused", "campaign-fund", fund.id)
                .withDetail("drawId", drawId));
            return;
        }
        LedgerEntry e = entry(fund, LedgerEntry.Kind.DRAWN, amount, Tehran.today(clock), null, "system:registry");
        e.referenceType = LedgerEntry.ReferenceType.FUND_DRAW;
        e.referenceId = drawId;
        e.persist();
        outbox.append(DomainEvent.of(ReleaseFundEvents.AGGREGATE, fund.id, ReleaseFundEvents.CHANGED, 1,
            changed(fund, drawId, amount)));
        audit.record(AuditEvent.of("release-fund.draw", "campaign-fund", fund.id).withDetail("drawId", drawId)
            .withDetail("entryId", e.id));
    }

    private CampaignFund locked() {
        return CampaignFund.find("code", CampaignFund.MOTHERS_RELEASE).withLock(LockModeType.PESSIMISTIC_WRITE)
            .singleResult();
    }

    private LedgerEntry entry(CampaignFund fund, LedgerEntry.Kind kind, long amount, LocalDate on, String note,
            String by) {
        LedgerEntry e = new LedgerEntry();
        e.fundId = fund.id;
        e.kind = kind;
        e.amountRials = amount;
        e.occurredOn = on;
        e.note = note;
        e.recordedBy = by;
        e.recordedAt = Instant.now(clock);
        return e;
    }

    private static ReleaseFundEvents.Changed changed(CampaignFund f, UUID drawId, Long amount) {
        return new ReleaseFundEvents.Changed(f.id, f.sequence, f.contributedRials, f.drawnRials, f.balanceRials(),
            drawId, amount);
    }
}
