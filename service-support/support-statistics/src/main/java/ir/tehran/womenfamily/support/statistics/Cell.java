package ir.tehran.womenfamily.support.statistics;

import java.math.BigDecimal;

/**
 * One cell of a figure as computed, before suppression: a value and the number of distinct people behind it.
 *
 * @param series   the figure's own breakdown (a business category, an agency), or {@link #ALL} for none or the
 *                 total over every series
 * @param district 1 to 22, or {@link #CITY} for the whole city
 * @param period   a Jalali period ({@code 1404}, {@code 1404-Q3}, {@code 1404-07}) or one of the report's
 *                 windows ({@link Periods})
 * @param value    the figure's value (a count, hours, rials, an area, a ratio)
 * @param people   the distinct people behind the value; null when the cell describes no person (centres,
 *                 venues), and then it is never withheld
 */
public record Cell(String series, int district, String period, BigDecimal value, Long people) {

    /** The series of a figure with no breakdown, and the total over every series of one with a breakdown. */
    public static final String ALL = "";

    /** The district number of a city-wide cell. */
    public static final int CITY = 0;

    public Cell {
        series = series == null ? ALL : series;
        if (district < CITY || district > 22) {
            throw new IllegalArgumentException("district " + district);
        }
    }

    /** A count of people: the value is the number of people. */
    public static Cell count(String series, int district, String period, long people) {
        return new Cell(series, district, period, BigDecimal.valueOf(people), people);
    }

    Key key() {
        return new Key(series, district, period);
    }

    /** Where a cell sits: its series, district and period. */
    record Key(String series, int district, String period) {
    }
}
