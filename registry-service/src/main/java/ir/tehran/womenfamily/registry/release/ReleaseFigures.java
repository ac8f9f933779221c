package ir.tehran.womenfamily.registry.release;

import java.time.LocalDate;
import java.util.List;

import ir.tehran.womenfamily.support.jalali.JalaliQuarter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Mothers freed, per district and Jalali quarter: the number of distinct women whose release case records her
 * release within the quarter, by her district and city-wide. One set-based query, no HTTP. These are raw counts
 * of a sensitive cohort: they may only ever be published through the statistics module's suppression (a cell of
 * 1–4 people withheld, complementary suppression), never served as they are.
 */
@ApplicationScoped
public class ReleaseFigures {

    @Inject
    EntityManager em;

    /**
     * One cell: a Jalali quarter ({@code 1404-Q3}), a district (null for the whole city) and the distinct mothers
     * freed in it, who are also the people behind the cell.
     */
    public record Cell(String quarter, Short district, long mothers) {
    }

    /** The Jalali quarters that meet [from, to], in order. */
    static List<JalaliQuarter> quarters(LocalDate from, LocalDate to) {
        return JalaliQuarter.between(from, to);
    }

    /** Every quarter from the first release to the last, per district and city-wide; empty cells left out. */
    @Transactional
    public List<Cell> mothersFreed() {
        Object[] range = (Object[]) em.createNativeQuery(
            "select min(released_on), max(released_on) from release_case where released_on is not null")
            .getSingleResult();
        if (range[0] == null) {
            return List.of();
        }
        return mothersFreed(toDay(range[0]), toDay(range[1]));
    }

    /** The quarters that meet [from, to], per district and city-wide; empty cells left out. */
    @Transactional
    public List<Cell> mothersFreed(LocalDate from, LocalDate to) {
        List<JalaliQuarter> quarters = quarters(from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
            with q(label, first_day, last_day) as (
                select * from unnest(cast(?1 as text[]), cast(cast(?2 as text[]) as date[]),
                    cast(cast(?3 as text[]) as date[])))
            select q.label, b.district, count(distinct c.beneficiary_id)
            from release_case c
            join beneficiary b on b.id = c.beneficiary_id
            join q on c.released_on between q.first_day and q.last_day
            where b.merged_into is null
            group by grouping sets ((q.label, b.district), (q.label))
            having grouping(b.district) = 1 or b.district is not null
            order by q.label, b.district nulls first
            """)
            .setParameter(1, quarters.stream().map(JalaliQuarter::label).toArray(String[]::new))
            .setParameter(2, quarters.stream().map(q -> q.first().toString()).toArray(String[]::new))
            .setParameter(3, quarters.stream().map(q -> q.last().toString()).toArray(String[]::new))
            .getResultList();
        return rows.stream().map(r -> new Cell((String) r[0], r[1] == null ? null : ((Number) r[1]).shortValue(),
            ((Number) r[2]).longValue())).toList();
    }

    private static LocalDate toDay(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
