package ir.tehran.womenfamily.bazaar.report;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Reports by bazaar, venue, category and kind, from the published allocations (the stalls people held),
 * attendance, producers' sales and coordinators' footfall counts.
 */
@ApplicationScoped
public class ReportService {

    /** Assignments of published runs that held a stall or were not used (no-show). */
    private static final String HELD = "from assignment a join allocation_run r on r.id = a.run_id "
        + "and r.status = 'PUBLISHED' ";

    @Inject
    EntityManager em;

    @Transactional
    public Optional<ReportDtos.BazaarReport> bazaar(UUID id) {
        Bazaar b = Bazaar.findById(id);
        if (b == null) {
            return Optional.empty();
        }
        long offered = number("select coalesce(sum(stalls), 0) from bazaar_venue_day where bazaar_id = ?1", id);
        long assigned = number("select coalesce(sum(a.stalls), 0) " + HELD + "where a.bazaar_id = ?1 "
            + "and a.status in ('ASSIGNED', 'CONFIRMED', 'NO_SHOW')", id);
        long placed = number("select count(distinct a.business_id) " + HELD + "where a.bazaar_id = ?1 "
            + "and a.status in ('ASSIGNED', 'CONFIRMED', 'NO_SHOW')", id);
        long waitlisted = number("select count(*) from waitlist_entry w join allocation_run r on r.id = w.run_id "
            + "and r.status = 'PUBLISHED' where r.bazaar_id = ?1", id);
        long confirmed = number("select count(*) " + HELD + "where a.bazaar_id = ?1 and a.status = 'CONFIRMED'", id);
        long noShows = number("select count(*) " + HELD + "where a.bazaar_id = ?1 and a.status = 'NO_SHOW'", id);
        long sales = number("select coalesce(sum(amount_rials), 0) from sales_report where bazaar_id = ?1", id);
        long visitors = number("select coalesce(sum(visitors), 0) from footfall where bazaar_id = ?1", id);
        List<ReportDtos.VenueRow> venues = venues("a.bazaar_id = ?1", id, null);
        List<ReportDtos.CategoryRow> categories = categories("a.bazaar_id = ?1", id, null);
        return Optional.of(new ReportDtos.BazaarReport(b.id, b.kind.name(), b.nameFa, b.nameEn, b.startDate,
            Days.jalali(b.startDate), b.endDate, Days.jalali(b.endDate), b.status.name(), offered, assigned, placed,
            waitlisted, confirmed, noShows, sales, visitors, venues, categories));
    }

    @Transactional
    public List<ReportDtos.VenueRow> venues(LocalDate from, LocalDate to) {
        return venues("a.day between ?1 and ?2", Date.valueOf(from), Date.valueOf(to));
    }

    @Transactional
    public List<ReportDtos.CategoryRow> categories(LocalDate from, LocalDate to) {
        return categories("a.day between ?1 and ?2", Date.valueOf(from), Date.valueOf(to));
    }

    /** Sales per stall-day, visitors per venue-day and no-show rate by kind of bazaar. */
    @Transactional
    public List<ReportDtos.KindRow> kinds(LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.kind, count(distinct b.id), "
                + "coalesce((select sum(a.stalls) " + HELD + "join bazaar x on x.id = a.bazaar_id "
                + "where x.kind = b.kind "
                + "and a.day between ?1 and ?2 and a.status in ('ASSIGNED', 'CONFIRMED', 'NO_SHOW')), 0), "
                + "coalesce((select sum(s.amount_rials) from sales_report s join bazaar x on x.id = s.bazaar_id "
                + "where x.kind = b.kind and s.day between ?1 and ?2), 0), "
                + "coalesce((select avg(f.visitors) from footfall f join bazaar x on x.id = f.bazaar_id "
                + "where x.kind = b.kind and f.day between ?1 and ?2), 0), "
                + "coalesce((select avg(case when a.status = 'NO_SHOW' then 1.0 else 0.0 end) " + HELD
                + "join bazaar x on x.id = a.bazaar_id where x.kind = b.kind and a.day between ?1 and ?2 "
                + "and a.status in ('ASSIGNED', 'CONFIRMED', 'NO_SHOW')), 0) "
                + "from bazaar b where b.start_date <= ?2 and b.end_date >= ?1 group by b.kind order by b.kind")
            .setParameter(1, Date.valueOf(from)).setParameter(2, Date.valueOf(to)).getResultList();
        List<ReportDtos.KindRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            long stallDays = ((Number) r[2]).longValue();
            long sales = ((Number) r[3]).longValue();
            out.add(new ReportDtos.KindRow((String) r[0], ((Number) r[1]).longValue(), stallDays, sales,
                stallDays == 0 ? 0 : sales / stallDays, Math.round(((Number) r[4]).doubleValue()),
                Math.round(((Number) r[5]).doubleValue() * 1000) / 1000.0));
        }
        return out;
    }

    private List<ReportDtos.VenueRow> venues(String where, Object p1, Object p2) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = param(em.createNativeQuery("select v.id, v.name_fa, v.name_en, "
                + "coalesce(sum(a.stalls), 0), "
                + "coalesce(sum((select sum(s.amount_rials) from sales_report s where s.bazaar_id = a.bazaar_id "
                + "and s.business_id = a.business_id and s.day = a.day)), 0), "
                + "coalesce((select sum(f.visitors) from footfall f where f.venue_id = v.id and "
                + where.replace("a.", "f.") + "), 0) "
                + HELD + "join venue v on v.id = a.venue_id where " + where
                + " and a.status in ('ASSIGNED', 'CONFIRMED', 'NO_SHOW') group by v.id, v.name_fa, v.name_en "
                + "order by v.name_en"), p1, p2).getResultList();
        List<ReportDtos.VenueRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            long stallDays = ((Number) r[3]).longValue();
            long sales = ((Number) r[4]).longValue();
            out.add(new ReportDtos.VenueRow((UUID) r[0], (String) r[1], (String) r[2], stallDays, sales,
                ((Number) r[5]).longValue(), stallDays == 0 ? 0 : sales / stallDays));
        }
        return out;
    }

    private List<ReportDtos.CategoryRow> categories(String where, Object p1, Object p2) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = param(em.createNativeQuery("select p.category, count(distinct a.business_id), "
                + "coalesce(sum(a.stalls), 0), "
                + "coalesce(sum((select sum(s.amount_rials) from sales_report s where s.bazaar_id = a.bazaar_id "
                + "and s.business_id = a.business_id and s.day = a.day)), 0) "
                + HELD + "join producer p on p.business_id = a.business_id where " + where
                + " and a.status in ('ASSIGNED', 'CONFIRMED', 'NO_SHOW') group by p.category order by p.category"),
            p1, p2).getResultList();
        List<ReportDtos.CategoryRow> out = new ArrayList<>();
        for (Object[] r : rows) {
            Category c = Category.ofCode((String) r[0]);
            out.add(new ReportDtos.CategoryRow(c.code(), c.persian(), c.english(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue()));
        }
        return out;
    }

    private static jakarta.persistence.Query param(jakarta.persistence.Query q, Object p1, Object p2) {
        q.setParameter(1, p1);
        if (p2 != null) {
            q.setParameter(2, p2);
        }
        return q;
    }

    private long number(String sql, UUID id) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue();
    }
}
