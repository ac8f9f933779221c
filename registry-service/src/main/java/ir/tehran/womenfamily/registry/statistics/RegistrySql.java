package ir.tehran.womenfamily.registry.statistics;

import ir.tehran.womenfamily.registry.delivered.ServiceFigures;

/**
 * The registry figures' queries, set-based over its own tables, in the shape {@code Figure.sql} reads: series,
 * district (0 for the city, from {@code grouping}), period (a row of {@code statistics_window}), value, people.
 * A day is counted in Tehran.
 */
final class RegistrySql {

    private RegistrySql() {
    }

    /** The district of a grouping set: 0 where the district was rolled up, else the district (null unknown). */
    private static final String DISTRICT = "case when grouping(b.district) = 1 then 0 else b.district end";

    /** A woman in the register: not merged into another record, not left. */
    private static final String IN_REGISTER = "b.merged_into is null and b.status <> 'EXITED'";

    static final String WOMEN_SERVED = """
        select null as series, %s as district, w.period, count(*) as value, count(*) as people
        from beneficiary b join statistics_window w on w.period = 'now'
        where %s
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT, IN_REGISTER);

    static final String CHILDREN_COVERED = """
        select null as series, %s as district, w.period, count(*) as value, count(*) as people
        from child c join beneficiary b on b.id = c.mother_id join statistics_window w on w.period = 'now'
        where %s and c.removed_at is null and c.birth_date > w.to_day - interval '20 years'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT, IN_REGISTER);

    static final String BUSINESSES = """
        select case when grouping(b.category) = 1 then null else b.category end as series, %s as district,
               w.period, count(*) as value, count(distinct b.owner) as people
        from (select coalesce(x.owner_beneficiary_id, x.owner_participant_id) as owner, x.category,
                     coalesce(x.district, o.district, p.district) as district
              from business x left join beneficiary o on o.id = x.owner_beneficiary_id
                   left join campaign_participant p on p.id = x.owner_participant_id
              where x.status = 'ACTIVE') b
        join statistics_window w on w.period = 'now'
        group by grouping sets ((w.period, b.category, b.district), (w.period, b.category), (w.period, b.district),
                                (w.period))
        """.formatted(DISTRICT);

    static final String CENTRES = """
        select null as series, %s as district, w.period, count(*) as value, null::bigint as people
        from workshop_centre b join statistics_window w on w.period = 'now'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT);

    /** Up or down the ladder counselling, training, business support, self-reliant; a woman once a period. */
    static final String LEVEL_MOVES = """
        select b.direction as series, %s as district, w.period, count(distinct b.woman) as value,
               count(distinct b.woman) as people
        from (select h.beneficiary_id as woman, o.district,
                     (h.changed_at at time zone 'Asia/Tehran')::date as day,
                     case when array_position(array['COUNSELLING', 'TRAINING', 'BUSINESS_SUPPORT', 'SELF_RELIANT'],
                                              h.to_value)
                             > array_position(array['COUNSELLING', 'TRAINING', 'BUSINESS_SUPPORT', 'SELF_RELIANT'],
                                              h.from_value) then 'UP' else 'DOWN' end as direction
              from beneficiary_history h join beneficiary o on o.id = h.beneficiary_id
              where h.kind = 'SUPPORT_LEVEL' and h.from_value is not null and h.from_value <> h.to_value
                    and o.merged_into is null) b
        join statistics_window w on b.day between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, b.direction, b.district), (w.period, b.direction))
        """.formatted(DISTRICT);

    /** Women who received each kind of service (series: the kind) in a period, by the day of the service. */
    static final String SERVICES_RECEIVED = """
        with %s
        select v.kind as series, %s as district, w.period, count(distinct v.beneficiary_id) as value,
               count(distinct v.beneficiary_id) as people
        from (select s.beneficiary_id, s.kind, s.day, o.district
              from served s join beneficiary o on o.id = s.beneficiary_id where o.merged_into is null) v
        join statistics_window w on v.day between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, v.kind, v.district), (w.period, v.kind))
        """.formatted(ServiceFigures.SERVED_CTE, DISTRICT.replace("b.district", "v.district"));

    /** Women who moved up or down the ladder in a change citing a kind (series {@code KIND/UP}, {@code KIND/DOWN}). */
    static final String MOVES_CITING_SERVICES = """
        with %s
        select m.kind || '/' || m.direction as series, %s as district, w.period,
               count(distinct m.beneficiary_id) as value, count(distinct m.beneficiary_id) as people
        from (select x.beneficiary_id, x.kind, x.direction, x.day, o.district
              from moves x join beneficiary o on o.id = x.beneficiary_id where o.merged_into is null) m
        join statistics_window w on m.day between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, m.kind, m.direction, m.district), (w.period, m.kind, m.direction))
        """.formatted(ServiceFigures.MOVES_CTE, DISTRICT.replace("b.district", "m.district"));

    /**
     * Mothers freed by the campaign (a sensitive cohort: published only through the suppression, as every cell),
     * by the day of her release, in the district of her record.
     */
    static final String MOTHERS_FREED = """
        select null as series, %s as district, w.period, count(distinct m.beneficiary_id) as value,
               count(distinct m.beneficiary_id) as people
        from (select c.beneficiary_id, c.released_on, o.district
              from release_case c join beneficiary o on o.id = c.beneficiary_id
              where c.released_on is not null and o.merged_into is null) m
        join statistics_window w on m.released_on between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, m.district), (w.period))
        """.formatted(DISTRICT.replace("b.district", "m.district"));

    /** Orders by the day they start, in the district of each centre that has a share (the city counts it once). */
    static final String PRODUCTION_ORDERS = """
        select null as series, %s as district, w.period, count(distinct b.id) as value, null::bigint as people
        from (select o.id, o.start_date, c.district
              from production_order o join production_order_allocation a on a.order_id = o.id
                   join workshop_centre c on c.id = a.centre_id
              where o.state <> 'CANCELLED') b
        join statistics_window w on b.start_date between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT);

    /** Hours recorded, by the day worked, in the district of the centre where they were worked. */
    static final String PRODUCTION_HOURS = """
        select null as series, %s as district, w.period, sum(b.hours) as value,
               count(distinct b.beneficiary_id) as people
        from (select x.beneficiary_id, x.hours, x.work_date, c.district
              from production_order_work x join workshop_centre c on c.id = x.centre_id) b
        join statistics_window w on b.work_date between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT);

    /** Wages paid, by the day the order was paid, in the district of the woman paid. */
    static final String PRODUCTION_PAY = """
        select null as series, %s as district, w.period, sum(b.amount_rials) as value,
               count(distinct b.beneficiary_id) as people
        from (select p.beneficiary_id, p.amount_rials, (o.paid_at at time zone 'Asia/Tehran')::date as day,
                     m.district
              from production_order_payout p join production_order o on o.id = p.order_id
                   join beneficiary m on m.id = p.beneficiary_id
              where o.paid_at is not null) b
        join statistics_window w on b.day between w.from_day and w.to_day and w.period <> 'now'
        group by grouping sets ((w.period, b.district), (w.period))
        """.formatted(DISTRICT);

    /** Households with a support of the agency in force on some day of the period, or today for "now". */
    static final String AGENCY_SUPPORT = """
        select case when grouping(b.agency_kind) = 1 then null else b.agency_kind end as series, %s as district,
               w.period, count(distinct b.beneficiary_id) as value, count(distinct b.beneficiary_id) as people
        from (select s.beneficiary_id, s.agency_kind, s.period_from, s.period_to, m.district
              from agency_support s join beneficiary m on m.id = s.beneficiary_id
              where m.merged_into is null) b
        join statistics_window w on b.period_from <= w.to_day and b.period_to >= w.from_day
        group by grouping sets ((w.period, b.agency_kind, b.district), (w.period, b.agency_kind),
                                (w.period, b.district), (w.period))
        """.formatted(DISTRICT);
}
