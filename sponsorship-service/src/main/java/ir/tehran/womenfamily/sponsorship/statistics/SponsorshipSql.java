package ir.tehran.womenfamily.sponsorship.statistics;

/**
 * Sponsorship figures' queries, set-based over its own tables, in the shape {@code Figure.sql} reads. A child
 * counts while on the roster (not removed, not aged out), in her district.
 */
final class SponsorshipSql {

    private SponsorshipSql() {
    }

    private static final String DISTRICT = "case when grouping(b.district) = 1 then 0 else b.district end";

    private static final String ON_ROSTER = "c.removed_at is null and c.aged_out_on is null";

    /**
     * AT_RISK: the at-risk rule's current verdict is "at risk". IMPROVING: a child the rule has flagged at some
     * time whose last term's average grade is above the term before.
     */
    static final String ACADEMIC_LAG = """
        with terms as (
            select t.child_id, avg(g.score) as average,
                   row_number() over (partition by t.child_id order by t.academic_year desc, t.term desc) as back
            from term_report t join subject_grade g on g.term_report_id = t.id
            group by t.child_id, t.id, t.academic_year, t.term),
        improving as (
            select last.child_id from terms last join terms before
                 on before.child_id = last.child_id and before.back = 2
            where last.back = 1 and last.average > before.average),
        flags as (
            select c.id, c.district, 'AT_RISK' as series from child c join risk_status r on r.child_id = c.id
            where %1$s and r.at_risk
            union all
            select c.id, c.district, 'IMPROVING' from child c join risk_status r on r.child_id = c.id
                 join improving i on i.child_id = c.id
            where %1$s and r.flagged_at is not null)
        select b.series, %2$s as district, w.period, count(*) as value, count(*) as people
        from flags b join statistics_window w on w.period = 'now'
        group by grouping sets ((w.period, b.series, b.district), (w.period, b.series))
        """.formatted(ON_ROSTER, DISTRICT);

    /** SPONSORED: at least one active pledge; NOT_SPONSORED: none; and the total over both. */
    static final String COVERAGE = """
        select case when grouping(b.series) = 1 then null else b.series end as series, %s as district, w.period,
               count(*) as value, count(*) as people
        from (select c.id, c.district,
                     case when exists (select 1 from pledge p where p.child_id = c.id and p.status = 'ACTIVE')
                          then 'SPONSORED' else 'NOT_SPONSORED' end as series
              from child c where %s) b
        join statistics_window w on w.period = 'now'
        group by grouping sets ((w.period, b.series, b.district), (w.period, b.series), (w.period, b.district),
                                (w.period))
        """.formatted(DISTRICT, ON_ROSTER);
}
