package ir.tehran.womenfamily.sponsorship.statistics;

import java.util.List;

import ir.tehran.womenfamily.support.statistics.Figure;
import ir.tehran.womenfamily.support.statistics.FigureCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

/** Sponsorship's figures (support-statistics): one line each, the query beside it in {@link SponsorshipSql}. */
@ApplicationScoped
public class SponsorshipFigures implements FigureCatalogue {

    private static final List<String> BY_SERIES = List.of(Figure.DISTRICT, Figure.PERIOD, Figure.SERIES);

    private static final List<Figure> FIGURES = List.of(
        Figure.sql("academic-lag", "کودکان در معرض افت تحصیلی و رو به بهبود",
            "Children at risk of academic lag, and those improving", "children", BY_SERIES, false,
            SponsorshipSql.ACADEMIC_LAG),
        Figure.sql("sponsorship-coverage", "پوشش حمایت کودکان", "Children with and without a sponsor", "children",
            BY_SERIES, false, SponsorshipSql.COVERAGE));

    @Override
    public List<Figure> figures() {
        return FIGURES;
    }
}
