package ir.tehran.womenfamily.support.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import ir.tehran.womenfamily.support.jalali.Days;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answers of the statistics and open-data APIs. */
public final class StatisticsDtos {

    private StatisticsDtos() {
    }

    @Schema(name = "Figure", description = "A figure the service publishes, and when its cells were last refreshed")
    public record FigureView(
            @Schema(description = "The figure's id, used in its URL", examples = "women-served") String id,
            @Schema(description = "Persian title") String titleFa,
            @Schema(description = "English title") String titleEn,
            @Schema(description = "What a value counts or measures", examples = "women") String unit,
            @Schema(description = "The dimensions of its cells: district, period and, for a breakdown, series")
            List<String> dimensions,
            @Schema(description = "When its cells were last computed; null before the first refresh")
            Instant refreshedAt,
            @Schema(description = "The Tehran day of refreshedAt in Jalali", examples = "1404-07-15")
            String refreshedAtJalali) {

        static FigureView of(StatisticsStore.Refreshed r) {
            Figure f = r.figure();
            Instant at = r.at().orElse(null);
            return new FigureView(f.id(), f.titleFa(), f.titleEn(), f.unit(), f.dimensions(), at, Days.jalali(at));
        }
    }

    @Schema(name = "FigureCell", description = "One cell of a figure; a withheld cell has no value (fewer than "
        + "five people behind it, or withheld so that no published total reveals one that is)")
    public record CellView(
            @Schema(description = "The district, 1 to 22; null for the whole city") Integer district,
            @Schema(description = "A Jalali year (1404), quarter (1404-Q3), month (1404-07), or a window: now, "
                + "last-12-months, last-2-years") String period,
            @Schema(description = "The breakdown (a category, an agency); null for none or the total")
            String series,
            @Schema(description = "The value; null when withheld") BigDecimal value,
            @Schema(description = "True when the cell is withheld by the small-cell rule") boolean withheld) {

        static CellView of(PublishedCell c) {
            return new CellView(c.district() == Cell.CITY ? null : c.district(), c.period(),
                c.series().isEmpty() ? null : c.series(), c.withheld() ? null : c.value(), c.withheld());
        }

        String key() {
            return period + "/" + district + "/" + series;
        }
    }

    @Schema(name = "OpenDataSet", description = "A figure as open data: its description and every suppressed cell")
    public record OpenDataSet(FigureView figure, List<CellView> cells) {
    }
}
