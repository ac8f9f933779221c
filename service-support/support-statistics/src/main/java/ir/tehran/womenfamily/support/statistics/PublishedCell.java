package ir.tehran.womenfamily.support.statistics;

import java.math.BigDecimal;

/**
 * A cell as served: the value, or nothing when it is withheld ({@link Suppression}). The number of people
 * behind it is kept for the store's own bookkeeping and never served.
 */
public record PublishedCell(String series, int district, String period, BigDecimal value, Long people,
        boolean withheld) {

    static PublishedCell of(Cell cell, boolean withheld) {
        return new PublishedCell(cell.series(), cell.district(), cell.period(), withheld ? null : cell.value(),
            cell.people(), withheld);
    }
}
