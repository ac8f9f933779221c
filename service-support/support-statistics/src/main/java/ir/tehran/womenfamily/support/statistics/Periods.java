package ir.tehran.womenfamily.support.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.jalali.JalaliQuarter;

/**
 * The periods a figure is counted over, all made of whole Jalali calendar units so that they nest: the
 * current and the previous Jalali year ({@code 1404}), their quarters ({@code 1404-Q3}) and months
 * ({@code 1404-07}) up to today, and the report's own windows: {@value #LAST_12_MONTHS} (the twelve Jalali months
 * up to and including this one), {@value #LAST_2_YEARS} (this Jalali year and the last) and {@value #NOW} (a stock
 * figure, counted as it stands today). Each period is a day range, written to the service's
 * {@code statistics_window} table so that a figure's query joins its rows to it.
 */
public final class Periods {

    public static final String NOW = "now";
    public static final String LAST_12_MONTHS = "last-12-months";
    public static final String LAST_2_YEARS = "last-2-years";

    /** A period and its days, both ends included. */
    public record Window(String period, LocalDate from, LocalDate to) {
    }

    private final List<Window> windows = new ArrayList<>();
    private final Map<String, List<String>> margins = new LinkedHashMap<>();

    /** The periods as they stand on a Tehran day. */
    public Periods(LocalDate today) {
        JalaliDate t = JalaliDate.of(today);
        windows.add(new Window(NOW, today, today));
        List<String> years = new ArrayList<>();
        List<String> lastMonths = new ArrayList<>();
        for (int year = t.year() - 1; year <= t.year(); year++) {
            String y = Integer.toString(year);
            years.add(y);
            windows.add(new Window(y, first(year, 1), last(year, 12)));
            List<String> quarters = new ArrayList<>();
            for (int q = 1; q <= 4 && (year < t.year() || (q - 1) * 3 < t.month()); q++) {
                JalaliQuarter jq = new JalaliQuarter(year, q);
                String quarter = jq.label();
                quarters.add(quarter);
                windows.add(new Window(quarter, jq.first(), jq.last()));
                List<String> months = new ArrayList<>();
                for (int m = q * 3 - 2; m <= q * 3 && (year < t.year() || m <= t.month()); m++) {
                    String month = String.format(Locale.ROOT, "%d-%02d", year, m);
                    months.add(month);
                    windows.add(new Window(month, first(year, m), last(year, m)));
                    if (year * 12 + m > t.year() * 12 + t.month() - 12) {
                        lastMonths.add(month);
                    }
                }
                margins.put(quarter, List.copyOf(months));
            }
            margins.put(y, List.copyOf(quarters));
        }
        windows.add(new Window(LAST_12_MONTHS, first(t.year() - (t.month() == 12 ? 0 : 1), t.month() % 12 + 1),
            last(t.year(), t.month())));
        margins.put(LAST_12_MONTHS, List.copyOf(lastMonths));
        windows.add(new Window(LAST_2_YEARS, first(t.year() - 1, 1), last(t.year(), 12)));
        margins.put(LAST_2_YEARS, List.copyOf(years));
    }

    public List<Window> windows() {
        return List.copyOf(windows);
    }

    /** Each period made of others (a year of its quarters, ...), for the complementary rule of {@link Suppression}. */
    public Map<String, List<String>> margins() {
        return java.util.Collections.unmodifiableMap(margins);
    }

    private static LocalDate first(int year, int month) {
        return new JalaliDate(year, month, 1).toGregorian();
    }

    private static LocalDate last(int year, int month) {
        return new JalaliDate(year, month, JalaliDate.monthLength(year, month)).toGregorian();
    }
}
