package ir.tehran.womenfamily.bazaar.statistics;

import java.util.List;

import ir.tehran.womenfamily.support.statistics.Figure;
import ir.tehran.womenfamily.support.statistics.FigureCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

/** The bazaar's figures (support-statistics): one line each, the query beside it in {@link BazaarSql}. */
@ApplicationScoped
public class BazaarFigures implements FigureCatalogue {

    private static final List<String> BY_DISTRICT = List.of(Figure.DISTRICT, Figure.PERIOD);
    private static final List<String> BY_SERIES = List.of(Figure.DISTRICT, Figure.PERIOD, Figure.SERIES);

    private static final List<Figure> FIGURES = List.of(
        Figure.sql("bazaars-held", "بازارچه‌های برگزارشده", "Bazaars held", "bazaars", BY_DISTRICT, true,
            BazaarSql.BAZAARS_HELD),
        Figure.sql("exhibition-venues", "مکان‌های نمایشگاه", "The exhibition's venues", "venues", BY_DISTRICT, false,
            BazaarSql.VENUES),
        Figure.sql("exhibition-area", "مساحت مکان‌های نمایشگاه", "The exhibition's area", "m2", BY_DISTRICT, false,
            BazaarSql.AREA),
        Figure.sql("producers-with-opportunities", "تولیدکنندگان دارای فرصت فروش",
            "Producers with at least one and with two sale opportunities", "producers", BY_SERIES, false,
            BazaarSql.PRODUCERS_WITH_OPPORTUNITIES),
        Figure.sql("opportunity-gini", "ضریب جینی فرصت‌های فروش", "Gini coefficient of sale opportunities", "ratio",
            BY_DISTRICT, false, BazaarSql.GINI));

    @Override
    public List<Figure> figures() {
        return FIGURES;
    }
}
