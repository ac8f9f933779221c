package ir.tehran.womenfamily.support.statistics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One figure a service publishes: its id, Persian and English titles, unit, the dimensions its cells have and
 * where its cells come from. A service lists its figures in its {@link FigureCatalogue}, one line each.
 *
 * @param additiveOverTime whether its values add up over periods (orders, hours, rials, bazaars held): then a
 *                         year is also a margin of its quarters for {@link Suppression}
 */
public record Figure(String id, String titleFa, String titleEn, String unit, List<String> dimensions,
        boolean additiveOverTime, CellSource source) {

    public static final String DISTRICT = "district";
    public static final String PERIOD = "period";
    public static final String SERIES = "series";

    /** Where a figure's cells come from: set-based SQL over the service's own tables, never over HTTP. */
    @FunctionalInterface
    public interface CellSource {
        /**
         * The figure's cells, on a connection whose {@code statistics_window} table holds today's periods
         * ({@link Periods}); the connection is the store's, in its transaction.
         */
        List<Cell> cells(Connection connection) throws SQLException;
    }

    public Figure {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a figure's id is lower-case words with hyphens: " + id);
        }
        dimensions = List.copyOf(dimensions);
    }

    /**
     * A figure read by one SQL query that returns the columns {@code series} (text, null for none),
     * {@code district} (0 for the city, 1 to 22; rows of another district are left out), {@code period} (a
     * {@code statistics_window.period}), {@code value} (numeric) and {@code people} (bigint, null for a cell
     * that describes no person). City-wide rows are the query's own (a {@code grouping sets} over the
     * district), since a value such as a ratio or a count of distinct people is not always a sum of districts.
     */
    public static Figure sql(String id, String titleFa, String titleEn, String unit, List<String> dimensions,
            boolean additiveOverTime, String query) {
        return new Figure(id, titleFa, titleEn, unit, dimensions, additiveOverTime, connection -> rows(connection,
            query));
    }

    private static List<Cell> rows(Connection connection, String query) throws SQLException {
        List<Cell> cells = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(query); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                int district = rs.getInt("district");
                if (rs.wasNull() || district < Cell.CITY || district > 22) {
                    continue;
                }
                BigDecimal value = rs.getBigDecimal("value");
                long people = rs.getLong("people");
                Long peopleOrNull = rs.wasNull() ? null : people;
                cells.add(new Cell(rs.getString("series"), district, rs.getString("period"),
                    value == null ? BigDecimal.ZERO : value, peopleOrNull));
            }
        }
        return cells;
    }
}
