package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.sponsorship.common.Scope;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The instalment schedule of confirmed pledges and the payments against it. It moves in step with the ledger, in
 * the pledge's transaction: the schedule is written when the pledge is confirmed, each receipt pays instalments
 * (the one it names, or the oldest open ones first), and ending a pledge cancels what is still open, exactly the
 * amount the ledger releases.
 */
@ApplicationScoped
public class InstalmentService {

    private static final Logger LOG = Logger.getLogger(InstalmentService.class);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /** Writes the schedule of a pledge being confirmed, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Instalment> schedule(Pledge p) {
        List<Instalment> out = new ArrayList<>();
        for (InstalmentSchedule.Due due : InstalmentSchedule.of(p.startsOn, p.months, p.instalmentRials)) {
            Instalment i = new Instalment();
            i.id = UUID.randomUUID();
            i.pledgeId = p.id;
            i.number = (short) due.number();
            i.dueOn = due.dueOn();
            i.amountRials = due.amountRials();
            i.persist();
            out.add(i);
        }
        return out;
    }

    /**
     * A suspended pledge resumes: {@code amount} (what its suspension released) is due again, in new instalments
     * numbered after its last, of the pledge's instalment amount (the last one smaller if need be), monthly from
     * {@code from}; in the caller's transaction, with the ledger entry that pledges the same sum.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Instalment> resume(Pledge p, long amount, LocalDate from) {
        Short last = em.createQuery("select max(i.number) from Instalment i where i.pledgeId = ?1", Short.class)
            .setParameter(1, p.id).getSingleResult();
        int count = (int) ((amount + p.instalmentRials - 1) / p.instalmentRials);
        List<Instalment> out = new ArrayList<>();
        long left = amount;
        for (InstalmentSchedule.Due due : InstalmentSchedule.of(from, count, p.instalmentRials)) {
            Instalment i = new Instalment();
            i.id = UUID.randomUUID();
            i.pledgeId = p.id;
            i.number = (short) ((last == null ? 0 : last) + due.number());
            i.dueOn = due.dueOn();
            i.amountRials = Math.min(left, due.amountRials());
            left -= i.amountRials;
            i.persist();
            out.add(i);
        }
        return out;
    }

    /**
     * Checks, before the receipt is written, that the instalment it names (if any) is open and lacks at least
     * {@code amount}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkReceipt(Pledge p, Integer number, long amount) {
        if (number == null) {
            return;
        }
        Instalment i = Instalment.find("pledgeId = ?1 and number = ?2", p.id, number.shortValue()).firstResult();
        if (i == null) {
            throw ProblemException.invalid("instalmentNumber", "validation.unknown-instalment", p.months);
        }
        if (i.openRials() == 0) {
            throw ProblemException.conflict("instalment-settled", number);
        }
        if (amount > i.openRials()) {
            throw ProblemException.conflict("receipt-exceeds-instalment", i.openRials());
        }
    }

    /** Pays instalments with a receipt just written to the ledger: the named one, or the oldest open ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<InstalmentPayment> pay(Pledge p, LedgerEntry receipt, Integer number) {
        List<Instalment> open = Instalment.<Instalment>list(
            "pledgeId = ?1 and paidRials + cancelledRials < amountRials order by number", p.id).stream()
            .filter(i -> number == null || i.number == number).toList();
        long[] amounts = open.stream().mapToLong(Instalment::openRials).toArray();
        List<InstalmentPayment> out = new ArrayList<>();
        for (InstalmentSchedule.Share share : InstalmentSchedule.allocate(amounts, receipt.amountRials)) {
            Instalment i = open.get(share.index());
            i.paidRials += share.amountRials();
            if (i.paidRials == i.amountRials) {
                i.paidOn = receipt.occurredOn;
            }
            InstalmentPayment payment = new InstalmentPayment();
            payment.instalmentId = i.id;
            payment.ledgerEntryId = receipt.id;
            payment.amountRials = share.amountRials();
            payment.paidOn = receipt.occurredOn;
            payment.persist();
            out.add(payment);
        }
        return out;
    }

    /** The pledge ends early: what is open in each instalment is cancelled (the ledger releases the same sum). */
    @Transactional(Transactional.TxType.MANDATORY)
    public long cancelOpen(Pledge p) {
        long cancelled = 0;
        for (Instalment i : Instalment.<Instalment>list("pledgeId = ?1 and paidRials + cancelledRials < amountRials",
                p.id)) {
            long open = i.openRials();
            i.cancelledRials += open;
            cancelled += open;
        }
        return cancelled;
    }

    /** A pledge's instalments in order, with their payments. */
    public record WithPayments(Instalment instalment, List<InstalmentPayment> payments) {
    }

    @Transactional
    public List<WithPayments> ofPledge(UUID pledgeId) {
        List<Instalment> all = Instalment.list("pledgeId = ?1 order by number", pledgeId);
        Map<UUID, List<InstalmentPayment>> payments = new HashMap<>();
        if (!all.isEmpty()) {
            InstalmentPayment.<InstalmentPayment>list("instalmentId in ?1 order by id",
                all.stream().map(i -> i.id).toList())
                .forEach(x -> payments.computeIfAbsent(x.instalmentId, k -> new ArrayList<>()).add(x));
        }
        return all.stream().map(i -> new WithPayments(i, payments.getOrDefault(i.id, List.of()))).toList();
    }

    /** An overdue instalment of an active pledge, with what an officer needs to follow it up. */
    public record Overdue(Instalment instalment, Pledge pledge, Short district) {
    }

    /** Filters of the overdue list; null means any. */
    public record OverdueFilter(Short district, UUID sponsorId, UUID payerId, Scope scope) {
    }

    /** Where an overdue instalment stands in the list's order. */
    public record OverdueKey(LocalDate dueOn, UUID pledgeId, short number) {
    }

    /** Instalments of active pledges past their due day and not fully paid on {@code asOf}, oldest first. */
    @Transactional
    /**
     * Up to {@code fetch} overdue instalments, oldest due first, after the instalment {@code after} of the previous
     * page (null: from the first).
     */
    public List<Overdue> overdue(LocalDate asOf, OverdueFilter f, OverdueKey after, int fetch) {
        StringBuilder where = new StringBuilder("where i.pledgeId = p.id and c.id = p.childId and p.status = :active "
            + "and i.dueOn < :asOf and i.paidRials + i.cancelledRials < i.amountRials");
        Map<String, Object> params = new HashMap<>();
        params.put("active", Pledge.Status.ACTIVE);
        params.put("asOf", asOf);
        if (f.district() != null) {
            where.append(" and c.district = :district");
            params.put("district", f.district());
        }
        if (f.sponsorId() != null) {
            where.append(" and p.sponsorId = :sponsor");
            params.put("sponsor", f.sponsorId());
        }
        if (f.payerId() != null) {
            where.append(" and p.payerId = :payer");
            params.put("payer", f.payerId());
        }
        where.append(f.scope().and("c.district"));
        if (after != null) {
            where.append(" and (i.dueOn > :afterDue or (i.dueOn = :afterDue and (p.id > :afterPledge "
                + "or (p.id = :afterPledge and i.number > :afterNumber))))");
            params.put("afterDue", after.dueOn());
            params.put("afterPledge", after.pledgeId());
            params.put("afterNumber", after.number());
        }
        var q = em.createQuery("select i, p, c.district from Instalment i, Pledge p, Child c " + where
            + " order by i.dueOn, p.id, i.number", Object[].class);
        params.forEach(q::setParameter);
        return q.setMaxResults(fetch).getResultStream()
            .map(r -> new Overdue((Instalment) r[0], (Pledge) r[1], (Short) r[2])).toList();
    }

    public LocalDate today() {
        return Tehran.today(clock);
    }

    /**
     * Pledges confirmed before schedules existed get theirs on start: written from their terms, paid with their
     * receipts in order, and cancelled as far as the ledger released, so the schedule agrees with the ledger.
     */
    void backfill(@Observes StartupEvent event) {
        List<UUID> missing = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
            "select p.id from Pledge p where p.status in :confirmed and not exists "
                + "(select 1 from Instalment i where i.pledgeId = p.id)", UUID.class)
            .setParameter("confirmed", List.of(Pledge.Status.ACTIVE, Pledge.Status.ENDED)).getResultList());
        for (UUID id : missing) {
            QuarkusTransaction.requiringNew().run(() -> {
                Pledge p = Pledge.findById(id);
                schedule(p);
                em.flush();
                for (LedgerEntry e : LedgerEntry.<LedgerEntry>list("pledgeId = ?1 and kind = ?2 order by id", id,
                        LedgerEntry.Kind.RECEIVED)) {
                    pay(p, e, null);
                }
                if (p.status == Pledge.Status.ENDED) {
                    cancelOpen(p);
                }
            });
        }
        if (!missing.isEmpty()) {
            LOG.infof("wrote the instalment schedule of %d pledges confirmed before schedules existed",
                missing.size());
        }
    }
}
