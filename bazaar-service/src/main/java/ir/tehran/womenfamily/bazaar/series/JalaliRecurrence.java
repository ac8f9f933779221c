package ir.tehran.womenfamily.bazaar.series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Recurrences in Jalali terms, and the dates they give in a range of Jalali years:
 * <ul>
 * <li>{@code MONTHLY}: every month, from {@code dayOfMonth} (clipped to the month's length);</li>
 * <li>{@code BEFORE_NOWRUZ}: the last days of Esfand before Nowruz, ending {@code daysBeforeNowruz} days
 * before the year's last day (29 or 30 Esfand);</li>
 * <li>{@code YALDA}: ending on 30 Azar, Yalda night;</li>
 * <li>{@code ANNUAL}: every year from {@code month}/{@code dayOfMonth}.</li>
 * </ul>
 */
public record JalaliRecurrence(Rule rule, int fromYear, int toYear, Integer month, Integer dayOfMonth,
        int durationDays, int daysBeforeNowruz) {

    /** The kinds of recurrence. */
    @Schema(name = "SeriesRule")
    public enum Rule { MONTHLY, BEFORE_NOWRUZ, YALDA, ANNUAL }

    /** One occurrence: its first and last day. */
    public record Occurrence(LocalDate start, LocalDate end) {
    }

    public List<Occurrence> occurrences() {
        List<Occurrence> out = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            switch (rule) {
                case MONTHLY -> {
                    for (int m = 1; m <= 12; m++) {
                        if (month != null && month != m) {
                            continue;
                        }
                        int d = Math.min(dayOfMonth == null ? 1 : dayOfMonth, JalaliDate.monthLength(y, m));
                        out.add(from(new JalaliDate(y, m, d).toGregorian()));
                    }
                }
                case BEFORE_NOWRUZ -> {
                    LocalDate end = new JalaliDate(y, 12, JalaliDate.monthLength(y, 12)).toGregorian()
                        .minusDays(daysBeforeNowruz);
                    out.add(new Occurrence(end.minusDays(durationDays - 1L), end));
                }
                case YALDA -> {
                    LocalDate end = new JalaliDate(y, 9, 30).toGregorian();
                    out.add(new Occurrence(end.minusDays(durationDays - 1L), end));
                }
                case ANNUAL -> out.add(from(new JalaliDate(y, month, Math.min(dayOfMonth,
                    JalaliDate.monthLength(y, month))).toGregorian()));
                default -> throw new IllegalStateException(rule.name());
            }
        }
        return out;
    }

    private Occurrence from(LocalDate start) {
        return new Occurrence(start, start.plusDays(durationDays - 1L));
    }
}
