package ir.tehran.womenfamily.support.statistics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The service's precomputed figures, in its tables {@code statistics_window}, {@code statistics_figure} and
 * {@code statistics_cell} (the service's own migration). A refresh computes every figure of the
 * {@link FigureCatalogue} with its set-based query, applies {@link Suppression} and replaces the figure's cells,
 * all in one transaction, so a reader sees the previous or the new figures, never half of them; a read is one
 * indexed lookup of stored cells and computes nothing. A refresh takes a transaction-scoped advisory lock, so
 * replicas (and a replica's scheduled and explicit refreshes) refresh one after another.
 */
@ApplicationScoped
public class StatisticsStore {

    private static final long LOCK = 0x5374617473L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FigureCatalogue catalogue;

    @Inject
    Clock clock;

    /** A figure's refresh time, or empty before its first refresh. */
    public record Refreshed(Figure figure, Optional<Instant> at) {
    }

    /** The figures in the catalogue's order, with when each was last refreshed. */
    public List<Refreshed> figures() {
        Map<String, Instant> at = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select id, refreshed_at from statistics_figure");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                at.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return catalogue.figures().stream().map(f -> new Refreshed(f, Optional.ofNullable(at.get(f.id())))).toList();
    }

    public Optional<Refreshed> figure(String id) {
        return figures().stream().filter(r -> r.figure().id().equals(id)).findFirst();
    }

    /**
     * A figure's stored cells, optionally of one district (0 for the city) and one period, in the order period,
     * district, series.
     */
    public List<PublishedCell> cells(String figure, Integer district, String period) {
        String sql = "select series, district, period, value, withheld from statistics_cell where figure = ?"
            + (district == null ? "" : " and district = ?") + (period == null ? "" : " and period = ?")
            + " order by period, district, series";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            st.setString(i++, figure);
            if (district != null) {
                st.setShort(i++, district.shortValue());
            }
            if (period != null) {
                st.setString(i, period);
            }
            List<PublishedCell> cells = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cells.add(new PublishedCell(rs.getString(1), rs.getShort(2), rs.getString(3),
                        rs.getBigDecimal(4), null, rs.getBoolean(5)));
                }
            }
            return cells;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service's change mark ({@link FigureCatalogue#changeMarkQuery()}) and today's Tehran day. */
    public String changeMark() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(catalogue.changeMarkQuery());
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1) + "@" + Tehran.today(clock);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recomputes every figure and stores its suppressed cells. */
    public void refresh() {
        LocalDate today = Tehran.today(clock);
        Periods periods = new Periods(today);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                lock(c);
                writeWindows(c, periods);
                for (Figure figure : catalogue.figures()) {
                    List<PublishedCell> cells = Suppression.apply(figure.source().cells(c), periods.margins(),
                        figure.additiveOverTime());
                    write(c, figure.id(), cells, now);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            st.setLong(1, LOCK);
            st.executeQuery().close();
        }
    }

    private static void writeWindows(Connection c, Periods periods) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from statistics_window")) {
            del.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement(
                "insert into statistics_window (period, from_day, to_day) values (?, ?, ?)")) {
            for (Periods.Window w : periods.windows()) {
                st.setString(1, w.period());
                st.setDate(2, Date.valueOf(w.from()));
                st.setDate(3, Date.valueOf(w.to()));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void write(Connection c, String figure, List<PublishedCell> cells, Instant now)
            throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from statistics_cell where figure = ?")) {
            del.setString(1, figure);
            del.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("insert into statistics_cell"
                + " (figure, series, district, period, value, people, withheld) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (PublishedCell cell : cells) {
                st.setString(1, figure);
                st.setString(2, cell.series());
                st.setShort(3, (short) cell.district());
                st.setString(4, cell.period());
                BigDecimal value = cell.value();
                if (value == null) {
                    st.setNull(5, Types.NUMERIC);
                } else {
                    st.setBigDecimal(5, value);
                }
                if (cell.people() == null) {
                    st.setNull(6, Types.BIGINT);
                } else {
                    st.setLong(6, cell.people());
                }
                st.setBoolean(7, cell.withheld());
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement("insert into statistics_figure (id, refreshed_at) values (?, ?)"
                + " on conflict (id) do update set refreshed_at = excluded.refreshed_at")) {
            st.setString(1, figure);
            st.setTimestamp(2, Timestamp.from(now));
            st.executeUpdate();
        }
    }
}
