package ir.tehran.womenfamily.registry.delivered;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import ir.tehran.womenfamily.registry.beneficiary.ServiceKind;
import ir.tehran.womenfamily.support.jalali.JalaliQuarter;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The figures of the services delivered, per municipal district and Jalali quarter ({@code 1404-Q3}), each with
 * the number of distinct women behind it: how many women received each kind of service, and how many moved up or
 * down the support ladder in a change citing each kind. Set-based SQL (one statement per figure), no HTTP; the
 * statistics module suppresses small cells before anything is published: these are raw counts.
 * <ul>
 * <li>A woman received a kind of service in a quarter when, in it, she had a counselling session, was enrolled in
 *     a course, was present at one of its sessions or completed it, or was given a business facilitation.</li>
 * <li>A move is a change of support level from one step to another (a first level set is no move); a change
 *     that cites services of two kinds counts under both; the day of a move is its Tehran day.</li>
 * <li>Every figure has a row per district (1–22) and a city-wide row ({@code district} null), which counts the
 *     women without a district too; a woman counts once per cell however many services she had in it.</li>
 * <li>Records merged into another are not counted (their services moved to the survivor at the merge).</li>
 * </ul>
 */
@ApplicationScoped
public class ServiceFigures {

    /** Up or down the ladder (counselling, training, business support, self-reliant). */
    public enum Direction { UP, DOWN }

    /** Distinct women who received {@code kind} in {@code quarter}, in {@code district} (null: city-wide). */
    public record Served(Short district, String quarter, ServiceKind kind, long women) {
    }

    /** Distinct women whose level moved {@code direction} in {@code quarter} in a change citing {@code kind}. */
    public record Moved(Short district, String quarter, ServiceKind kind, Direction direction, long women) {
    }

    private static final String QUARTERS = "q (label, first_day, last_day) as (select * from "
        + "unnest(cast(? as text[]), cast(cast(? as text[]) as date[]), cast(cast(? as text[]) as date[])))";

    /**
     * The one definition of a service received, as a common table expression {@code served (beneficiary_id, kind,
     * day)}: used here per quarter and by the registry's published figures ({@code RegistrySql}).
     */
    public static final String SERVED_CTE = "served (beneficiary_id, kind, day) as ("
        + "select beneficiary_id, 'COUNSELLING', held_on from counselling_session "
        + "union all select beneficiary_id, 'BUSINESS_FACILITATION', done_on from business_facilitation "
        + "union all select beneficiary_id, 'TRAINING', enrolled_on from training_enrolment "
        + "union all select beneficiary_id, 'TRAINING', completed_on from training_enrolment "
        + "where completed_on is not null "
        + "union all select e.beneficiary_id, 'TRAINING', s.held_on from training_attendance a "
        + "join training_enrolment e on e.id = a.enrolment_id join training_session s on s.id = a.session_id)";

    private static final String SERVED = "with " + QUARTERS + ", " + SERVED_CTE + " "
        + "select b.district, q.label, v.kind, count(distinct v.beneficiary_id), grouping(b.district) "
        + "from served v join beneficiary b on b.id = v.beneficiary_id and b.merged_into is null "
        + "join q on v.day between q.first_day and q.last_day "
        + "group by grouping sets ((b.district, q.label, v.kind), (q.label, v.kind)) "
        + "having grouping(b.district) = 1 or b.district is not null order by 2, 3, 1 nulls first";

    /**
     * The one definition of a move citing a kind of service, as common table expressions ending in {@code moves
     * (beneficiary_id, day, direction, kind)}: used here per quarter and by the registry's published figures.
     */
    public static final String MOVES_CTE = "ladder (level, step) as (values "
        + "('COUNSELLING', 1), ('TRAINING', 2), ('BUSINESS_SUPPORT', 3), ('SELF_RELIANT', 4)), "
        + "moves (beneficiary_id, day, direction, kind) as (select distinct h.beneficiary_id, "
        + "cast(h.changed_at at time zone '" + Tehran.ZONE_ID + "' as date), "
        + "case when t.step > f.step then 'UP' else 'DOWN' end, c.cited ->> 'kind' "
        + "from beneficiary_history h join ladder f on f.level = h.from_value join ladder t on t.level = h.to_value "
        + "cross join lateral jsonb_array_elements(h.cited_services) c (cited) "
        + "where h.kind = 'SUPPORT_LEVEL' and jsonb_typeof(h.cited_services) = 'array')";

    private static final String MOVED = "with " + QUARTERS + ", " + MOVES_CTE + " "
        + "select b.district, q.label, m.kind, m.direction, count(distinct m.beneficiary_id), grouping(b.district) "
        + "from moves m join beneficiary b on b.id = m.beneficiary_id and b.merged_into is null "
        + "join q on m.day between q.first_day and q.last_day "
        + "group by grouping sets ((b.district, q.label, m.kind, m.direction), (q.label, m.kind, m.direction)) "
        + "having grouping(b.district) = 1 or b.district is not null order by 2, 3, 4, 1 nulls first";

    private static final String SPAN = "select min(d), max(d) from (select min(held_on) d from counselling_session "
        + "union all select max(held_on) from counselling_session "
        + "union all select min(done_on) from business_facilitation union all select max(done_on) from "
        + "business_facilitation union all select min(enrolled_on) from training_enrolment "
        + "union all select max(coalesce(completed_on, enrolled_on)) from training_enrolment "
        + "union all select min(held_on) from training_session union all select max(held_on) from training_session "
        + "union all select cast(min(changed_at at time zone '" + Tehran.ZONE_ID + "') as date) "
        + "from beneficiary_history where cited_services is not null "
        + "union all select cast(max(changed_at at time zone '" + Tehran.ZONE_ID + "') as date) "
        + "from beneficiary_history where cited_services is not null) days";

    @Inject
    AgroalDataSource dataSource;

    /** Distinct women who received each kind of service, per district and Jalali quarter, and city-wide. */
    public List<Served> served() {
        List<Served> cells = new ArrayList<>();
        query(SERVED, r -> cells.add(new Served(district(r), r.getString(2), ServiceKind.valueOf(r.getString(3)),
            r.getLong(4))));
        return cells;
    }

    /** Distinct women who moved up or down the ladder citing each kind, per district and Jalali quarter. */
    public List<Moved> moved() {
        List<Moved> cells = new ArrayList<>();
        query(MOVED, r -> cells.add(new Moved(district(r), r.getString(2), ServiceKind.valueOf(r.getString(3)),
            Direction.valueOf(r.getString(4)), r.getLong(5))));
        return cells;
    }

    /** The Jalali quarters from the one of {@code from} to the one of {@code to}: label, first and last day. */
    static List<String[]> quarters(LocalDate from, LocalDate to) {
        return JalaliQuarter.between(from, to).stream()
            .map(q -> new String[] {q.label(), q.first().toString(), q.last().toString()}).toList();
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private static Short district(ResultSet r) throws SQLException {
        return r.getInt(r.getMetaData().getColumnCount()) == 1 ? null : r.getShort(1);
    }

    private void query(String sql, Row row) {
        try (Connection c = dataSource.getConnection()) {
            LocalDate first;
            LocalDate last;
            try (PreparedStatement s = c.prepareStatement(SPAN); ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getDate(1) == null) {
                    return;
                }
                first = r.getDate(1).toLocalDate();
                last = r.getDate(2).toLocalDate();
            }
            List<String[]> quarters = quarters(first, last);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < 3; i++) {
                    int column = i;
                    s.setArray(i + 1, c.createArrayOf("text", quarters.stream().map(q -> q[column]).toArray()));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        row.read(r);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not compute the figures of the services delivered", e);
        }
    }
}
