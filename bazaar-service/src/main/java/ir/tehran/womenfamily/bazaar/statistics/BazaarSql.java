package ir.tehran.womenfamily.bazaar.statistics;

/**
 * The bazaar figures' queries, set-based over its own tables, in the shape {@code Figure.sql} reads. A sale
 * opportunity is a bazaar at which a producer held a stall in the published allocation (assigned or confirmed:
 * not released, not a no-show), counted in the period of the bazaar's first day; a producer counts in her
 * district.
 */
final class BazaarSql {

    private BazaarSql() {
    }

    private static final String DISTRICT = "case when grouping(b.district) = 1 then 0 else b.district end";

    /** Held: begun by today, and opened to producers and allocated (or recorded as held in the past). */
    static final String BAZAARS_HELD = """
        select null as series, %s as district, w.period, count(distinct b.id) as value, null::bigint as people
        from (select z.id, z.start_date, v.district
              from bazaar z left join bazaar_venue bv on bv.bazaar_id = z.id left join venue v on v.id = bv.venue_id
              where (z.historical or z.status in ('PUBLISHED', 'RUNNING', 'CLOSED'))
                    and z.start_date <= (select to_day from statistics_window where period = 'now')) b
        join statistics_window w on b.start_date between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT);

    static final String VENUES = """
        select null as series, %s as district, w.period, count(*) as value, null::bigint as people
        from venue b join statistics_window w on w.period = 'now'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT);

    static final String AREA = """
        select null as series, %s as district, w.period, sum(b.area_m2) as value, null::bigint as people
        from venue b join statistics_window w on w.period = 'now'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT);

    /** Each producer's opportunities per period (every producer, with 0 where she had none). */
    private static final String OPPORTUNITIES = """
        opportunities as (
            select p.business_id, p.owner_id, p.district, p.status, w.period, count(distinct a.bazaar_id) as n
            from producer p cross join statistics_window w
                 left join (select x.business_id, x.bazaar_id, z.start_date
                            from assignment x join allocation_run r on r.id = x.run_id and r.status = 'PUBLISHED'
                                 join bazaar z on z.id = x.bazaar_id
                            where x.status in ('ASSIGNED', 'CONFIRMED')) a
                      on a.business_id = p.business_id and a.start_date between w.from_day and w.to_day
            where w.period <> 'now'
            group by p.business_id, p.owner_id, p.district, p.status, w.period)
        """;

    static final String PRODUCERS_WITH_OPPORTUNITIES = """
        with %s,
        levels as (select o.*, l.series from opportunities o
                   join (values (1, 'AT_LEAST_1'), (2, 'AT_LEAST_2')) as l (least_n, series) on o.n >= l.least_n)
        select b.series, %s as district, b.period, count(distinct b.owner_id) as value,
               count(distinct b.owner_id) as people
        from levels b
        group by grouping sets ((b.period, b.series, b.district), (b.period, b.series))
        """.formatted(OPPORTUNITIES, DISTRICT);

    /**
     * The Gini coefficient of the opportunities among the active producers of a district or the city: 0 when
     * each had as many as the others, towards 1 when a few had them all. With the counts in rising order
     * x(1..n): G = 2 * sum(i * x(i)) / (n * sum x) - (n + 1) / n; 0 when nobody had any.
     */
    static final String GINI = """
        with %s,
        scoped as (select period, district, n from opportunities where status = 'ACTIVE' and district is not null
                   union all
                   select period, 0, n from opportunities where status = 'ACTIVE'),
        ranked as (select period, district, n, row_number() over (partition by period, district order by n) as i,
                          count(*) over (partition by period, district) as producers
                   from scoped)
        select null as series, district, period,
               case when sum(n) = 0 then 0
                    else round(2.0 * sum(i * n) / (max(producers) * sum(n)) - (max(producers) + 1.0) / max(producers),
                               4) end as value,
               max(producers) as people
        from ranked
        group by period, district
        """.formatted(OPPORTUNITIES);
}
