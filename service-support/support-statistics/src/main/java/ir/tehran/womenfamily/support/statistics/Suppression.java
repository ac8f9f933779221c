package ir.tehran.womenfamily.support.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one small-cell rule of every figure, applied when a figure is refreshed, so that what is stored is what
 * may be served.
 *
 * <ol>
 *   <li><b>Primary</b>: a cell of 1 to {@value #MIN_PEOPLE_MINUS_ONE} people is withheld. A cell of nobody (0) is
 *       published: it identifies no one. A cell that describes no person (people unknown) is never withheld.</li>
 *   <li><b>Complementary</b>: a published total (a margin) must not be the sum of published parts and one withheld
 *       part, or "total minus the published parts" gives the withheld one. Margins are: the city-wide cell over
 *       its 22 districts, the total series over the series, and, for a figure whose values add up over time,
 *       a year over its quarters, a quarter over its months and each report window over the calendar periods it
 *       is made of ({@link Periods#margins()}). Where a margin has exactly one unknown part, the smallest published
 *       part of it (by people, then value) is withheld too; where none can be, the total is. People of the
 *       margin that no part holds (a woman with no district) count as one more unknown part, because they are not
 *       published either. This repeats until no margin changes, since withholding a cell can leave another margin
 *       with one unknown part.</li>
 * </ol>
 *
 * Only these precomputed cells are ever served (no free filters), so two requests cannot be chosen to overlap
 * in all but one person and be subtracted.
 */
public final class Suppression {

    /** The smallest number of people a published cell may stand for. */
    public static final int MIN_PEOPLE = 5;
    static final int MIN_PEOPLE_MINUS_ONE = MIN_PEOPLE - 1;

    private Suppression() {
    }

    /** True when the rule withholds a cell of this many people on its own. */
    public static boolean tooFew(Long people) {
        return people != null && people > 0 && people < MIN_PEOPLE;
    }

    /**
     * Applies the rule to a figure's cells.
     *
     * @param cells           every cell of one figure
     * @param timeMargins     the period margins (total period to the periods it is made of), applied only when
     *                        {@code additiveOverTime}
     * @param additiveOverTime whether the figure's values add up over periods (hours, orders, rials), so that a
     *                        year minus its published quarters gives the withheld one
     */
    public static List<PublishedCell> apply(List<Cell> cells, Map<String, List<String>> timeMargins,
            boolean additiveOverTime) {
        Map<Cell.Key, Cell> byKey = new LinkedHashMap<>();
        cells.forEach(c -> {
            if (byKey.putIfAbsent(c.key(), c) != null) {
                throw new IllegalArgumentException("two cells at " + c.key());
            }
        });
        Set<Cell.Key> withheld = new HashSet<>();
        cells.stream().filter(c -> tooFew(c.people())).forEach(c -> withheld.add(c.key()));
        List<Margin> margins = margins(byKey, additiveOverTime ? timeMargins : Map.of());
        boolean changed = !withheld.isEmpty();
        while (changed) {
            changed = false;
            for (Margin m : margins) {
                changed |= protect(m, byKey, withheld);
            }
        }
        List<PublishedCell> out = new ArrayList<>(cells.size());
        cells.forEach(c -> out.add(PublishedCell.of(c, withheld.contains(c.key()))));
        return out;
    }

    /** A total and the parts it is made of; {@code disjoint} parts let people outside every part be counted. */
    private record Margin(Cell.Key total, List<Cell.Key> parts, boolean disjoint) {
    }

    private static boolean protect(Margin m, Map<Cell.Key, Cell> byKey, Set<Cell.Key> withheld) {
        Cell total = byKey.get(m.total());
        if (total == null || withheld.contains(m.total())) {
            return false;
        }
        List<Cell> parts = m.parts().stream().map(byKey::get).filter(java.util.Objects::nonNull).toList();
        long hiddenParts = parts.stream().filter(p -> withheld.contains(p.key())).count();
        if (hiddenParts == 0) {
            return false;
        }
        long unknown = hiddenParts + (m.disjoint() && outsideEveryPart(total, parts) ? 1 : 0);
        if (unknown != 1) {
            return false;
        }
        Cell complement = parts.stream()
            .filter(p -> !withheld.contains(p.key()) && p.people() != null && p.people() > 0)
            .min(Comparator.comparingLong(Cell::people).thenComparing(Cell::value)
                .thenComparing(p -> p.key().toString()))
            .orElse(null);
        withheld.add(complement != null ? complement.key() : total.key());
        return true;
    }

    private static boolean outsideEveryPart(Cell total, List<Cell> parts) {
        if (total.people() == null) {
            return false;
        }
        long inParts = parts.stream().mapToLong(p -> p.people() == null ? 0 : p.people()).sum();
        return total.people() > inParts;
    }

    private static List<Margin> margins(Map<Cell.Key, Cell> byKey, Map<String, List<String>> timeMargins) {
        Set<String> series = new java.util.TreeSet<>();
        Set<String> periods = new java.util.TreeSet<>();
        Set<Integer> districts = new java.util.TreeSet<>();
        byKey.keySet().forEach(k -> {
            series.add(k.series());
            periods.add(k.period());
            districts.add(k.district());
        });
        List<Margin> margins = new ArrayList<>();
        for (String s : series) {
            for (String p : periods) {
                List<Cell.Key> parts = new ArrayList<>();
                for (int d = 1; d <= 22; d++) {
                    parts.add(new Cell.Key(s, d, p));
                }
                margins.add(new Margin(new Cell.Key(s, Cell.CITY, p), parts, true));
            }
        }
        if (series.size() > 1 && series.contains(Cell.ALL)) {
            for (int d : districts) {
                for (String p : periods) {
                    List<Cell.Key> parts = series.stream().filter(s -> !s.equals(Cell.ALL))
                        .map(s -> new Cell.Key(s, d, p)).toList();
                    margins.add(new Margin(new Cell.Key(Cell.ALL, d, p), parts, true));
                }
            }
        }
        timeMargins.forEach((whole, pieces) -> {
            for (String s : series) {
                for (int d : districts) {
                    margins.add(new Margin(new Cell.Key(s, d, whole),
                        pieces.stream().map(p -> new Cell.Key(s, d, p)).toList(), false));
                }
            }
        });
        return margins;
    }
}
