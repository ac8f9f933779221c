package ir.tehran.womenfamily.sponsorship.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Checks that the books balance: each pledge's running balances equal the sums of its ledger entries and
 * keep the rules of {@link Balances}, a confirmed pledge has its whole total pledged (plus what resumptions after a
 * suspension pledged again, {@code repledged_rials}), an ended or suspended one has nothing outstanding, and a
 * proposal or released one has no money at all; and the totals agree. A campaign fund's running balances equal
 * the sums of its entries ({@code CONTRIBUTED}, {@code DRAWN}) and it never paid out more than it received.
 */
@ApplicationScoped
public class ReconciliationService {

    @Inject
    EntityManager em;

    @Schema(name = "LedgerTotals")
    public record Totals(long pledgedRials, long releasedRials, long receivedRials, long disbursedRials,
            long outstandingRials, long availableRials) {

        static Totals of(Balances b) {
            return new Totals(b.pledged(), b.released(), b.received(), b.disbursed(), b.outstanding(), b.available());
        }
    }

    @Schema(name = "Discrepancy", description = "A broken rule of a pledge (pledgeId) or of a campaign fund (fundId).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discrepancy(UUID pledgeId, String rule, UUID fundId) {

        public Discrepancy(UUID pledgeId, String rule) {
            this(pledgeId, rule, null);
        }
    }

    @Schema(name = "Reconciliation", description = "balanced is true when there is no discrepancy and the ledger's "
        + "totals equal the pledges' running balances.")
    public record Report(boolean balanced, long pledges, long entries, Totals ledger, Totals pledgeBalances,
            List<Discrepancy> discrepancies) {
    }

    @Transactional
    public Report reconcile() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
            select p.id, p.status, p.total_rials + p.repledged_rials,
                   p.pledged_rials, p.released_rials, p.received_rials, p.disbursed_rials,
                   coalesce(sum(e.amount_rials) filter (where e.kind = 'PLEDGED'), 0),
                   coalesce(sum(e.amount_rials) filter (where e.kind = 'PLEDGE_RELEASED'), 0),
                   coalesce(sum(e.amount_rials) filter (where e.kind = 'RECEIVED'), 0),
                   coalesce(sum(e.amount_rials) filter (where e.kind = 'DISBURSED'), 0),
                   count(e.id)
            from pledge p left join ledger_entry e on e.pledge_id = p.id
            group by p.id
            """).getResultList();
        List<Discrepancy> discrepancies = new ArrayList<>();
        long pledged = 0;
        long released = 0;
        long received = 0;
        long disbursed = 0;
        long lPledged = 0;
        long lReleased = 0;
        long lReceived = 0;
        long lDisbursed = 0;
        long entries = 0;
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            String status = (String) r[1];
            long total = num(r[2]);
            Balances row = new Balances(num(r[3]), num(r[4]), num(r[5]), num(r[6]));
            Balances ledger = new Balances(num(r[7]), num(r[8]), num(r[9]), num(r[10]));
            entries += num(r[11]);
            if (!row.equals(ledger)) {
                discrepancies.add(new Discrepancy(id, "balances-differ-from-ledger"));
            }
            if (!ledger.consistent()) {
                discrepancies.add(new Discrepancy(id, "negative-balance"));
            }
            switch (status) {
                case "PROPOSED", "RELEASED" -> {
                    if (!ledger.equals(Balances.ZERO)) {
                        discrepancies.add(new Discrepancy(id, "money-on-unconfirmed-pledge"));
                    }
                }
                case "ACTIVE" -> {
                    if (ledger.pledged() != total) {
                        discrepancies.add(new Discrepancy(id, "pledged-differs-from-total"));
                    }
                }
                case "ENDED" -> {
                    if (ledger.pledged() != total || ledger.outstanding() != 0) {
                        discrepancies.add(new Discrepancy(id, "ended-with-outstanding"));
                    }
                }
                case "SUSPENDED" -> {
                    if (ledger.pledged() != total || ledger.outstanding() != 0) {
                        discrepancies.add(new Discrepancy(id, "suspended-with-outstanding"));
                    }
                }
                default -> discrepancies.add(new Discrepancy(id, "unknown-status"));
            }
            pledged += row.pledged();
            released += row.released();
            received += row.received();
            disbursed += row.disbursed();
            lPledged += ledger.pledged();
            lReleased += ledger.released();
            lReceived += ledger.received();
            lDisbursed += ledger.disbursed();
        }
        discrepancies.addAll(instalments());
        discrepancies.addAll(funds());
        Long allEntries = em.createQuery("select count(e) from LedgerEntry e where e.fundId is null", Long.class)
            .getSingleResult();
        if (allEntries != entries) {
            discrepancies.add(new Discrepancy(null, "entries-without-pledge"));
        }
        Totals ledgerTotals = Totals.of(new Balances(lPledged, lReleased, lReceived, lDisbursed));
        Totals rowTotals = Totals.of(new Balances(pledged, released, received, disbursed));
        boolean balanced = discrepancies.isEmpty() && ledgerTotals.equals(rowTotals);
        return new Report(balanced, rows.size(), entries, ledgerTotals, rowTotals, discrepancies);
    }

    /**
     * The instalment schedule of every confirmed pledge agrees with its balances: the instalments add up to what
     * was pledged, what they were paid to what was received, what was cancelled in them to what was released,
     * and the payments recorded against them to what they were paid.
     */
    private List<Discrepancy> instalments() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
            select p.id, p.pledged_rials, p.received_rials, p.released_rials,
                   coalesce(i.amount, 0), coalesce(i.paid, 0), coalesce(i.cancelled, 0), coalesce(x.paid, 0)
            from pledge p
            left join (select pledge_id, sum(amount_rials) as amount, sum(paid_rials) as paid,
                              sum(cancelled_rials) as cancelled
                       from instalment group by pledge_id) i on i.pledge_id = p.id
            left join (select i2.pledge_id, sum(ip.amount_rials) as paid
                       from instalment_payment ip join instalment i2 on i2.id = ip.instalment_id
                       group by i2.pledge_id) x on x.pledge_id = p.id
            where p.status in ('ACTIVE', 'SUSPENDED', 'ENDED')
            """).getResultList();
        List<Discrepancy> out = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            if (num(r[4]) != num(r[1])) {
                out.add(new Discrepancy(id, "instalments-differ-from-pledged"));
            }
            if (num(r[5]) != num(r[2]) || num(r[7]) != num(r[5])) {
                out.add(new Discrepancy(id, "instalments-paid-differ-from-received"));
            }
            if (num(r[6]) != num(r[3])) {
                out.add(new Discrepancy(id, "instalments-cancelled-differ-from-released"));
            }
        }
        return out;
    }

    /** Each campaign fund's running balances equal its entries, and it never drew more than was given. */
    private List<Discrepancy> funds() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
            select f.id, f.contributed_rials, f.drawn_rials,
                   coalesce(sum(e.amount_rials) filter (where e.kind = 'CONTRIBUTED'), 0),
                   coalesce(sum(e.amount_rials) filter (where e.kind = 'DRAWN'), 0)
            from campaign_fund f left join ledger_entry e on e.fund_id = f.id
            group by f.id
            """).getResultList();
        List<Discrepancy> out = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            if (num(r[1]) != num(r[3]) || num(r[2]) != num(r[4])) {
                out.add(new Discrepancy(null, "fund-balances-differ-from-ledger", id));
            }
            if (num(r[4]) > num(r[3])) {
                out.add(new Discrepancy(null, "fund-overdrawn", id));
            }
        }
        return out;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
