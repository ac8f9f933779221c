package ir.tehran.womenfamily.support.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final String NOW = Periods.NOW;

    /** A cohort's women over the districts: {@code perDistrict[d]} in district d (index 0 unused). */
    private static List<Cell> cohort(int... perDistrict) {
        List<Cell> cells = new ArrayList<>();
        long total = 0;
        for (int d = 1; d < perDistrict.length; d++) {
            cells.add(Cell.count(Cell.ALL, d, NOW, perDistrict[d]));
            total += perDistrict[d];
        }
        cells.add(Cell.count(Cell.ALL, Cell.CITY, NOW, total));
        return cells;
    }

    private static PublishedCell at(List<PublishedCell> cells, int district, String period) {
        return cells.stream().filter(c -> c.district() == district && c.period().equals(period)).findFirst()
            .orElseThrow();
    }

    @Test
    void aDistrictWithFourWomenInACohortShowsNothing() {
        List<PublishedCell> out = Suppression.apply(cohort(0, 4, 30, 12, 9), Map.of(), false);

        PublishedCell four = at(out, 1, NOW);
        assertTrue(four.withheld());
        assertNull(four.value());
    }

    @Test
    void theCityTotalMinusThePublishedDistrictsDoesNotRevealTheWithheldOne() {
        List<PublishedCell> out = Suppression.apply(cohort(0, 4, 30, 12, 9), Map.of(), false);

        // total 55 is published; so a second district is withheld: 55 - 30 - 12 = 13 = 4 + 9, not one district
        assertFalse(at(out, Cell.CITY, NOW).withheld());
        assertTrue(at(out, 4, NOW).withheld(), "the smallest other district is withheld too");
        assertFalse(at(out, 2, NOW).withheld());
        assertFalse(at(out, 3, NOW).withheld());
        assertEquals(2, out.stream().filter(PublishedCell::withheld).count());
    }

    @Test
    void everyMarginHasNoneOrAtLeastTwoUnknownParts() {
        List<PublishedCell> out = Suppression.apply(cohort(0, 4, 30, 12, 9, 0, 0, 3, 7), Map.of(), false);

        long withheld = out.stream().filter(c -> c.district() != Cell.CITY && c.withheld()).count();
        assertTrue(withheld == 0 || withheld >= 2, out::toString);
        // nobody is nobody: a cell of 0 women is published
        assertEquals(BigDecimal.ZERO, at(out, 5, NOW).value());
    }

    @Test
    void twoOverlappingPeriodsCannotBeSubtractedToRevealOnePerson() {
        // hours worked: the year is the sum of its quarters; one quarter has a single woman
        Periods periods = new Periods(LocalDate.of(2026, 3, 1)); // 1404-12-10
        List<Cell> cells = new ArrayList<>();
        long[] people = {8, 1, 6, 9};
        long year = 0;
        for (int q = 1; q <= 4; q++) {
            long hours = people[q - 1] * 10;
            cells.add(new Cell(Cell.ALL, Cell.CITY, "1404-Q" + q, BigDecimal.valueOf(hours), people[q - 1]));
            year += people[q - 1] * 10;
        }
        cells.add(new Cell(Cell.ALL, Cell.CITY, "1404", BigDecimal.valueOf(year), 20L));

        List<PublishedCell> out = Suppression.apply(cells, periods.margins(), true);

        assertTrue(at(out, Cell.CITY, "1404-Q2").withheld());
        // 1404 minus the published quarters would be Q2's hours: a second quarter is withheld
        assertTrue(at(out, Cell.CITY, "1404-Q3").withheld());
        assertFalse(at(out, Cell.CITY, "1404").withheld());
    }

    @Test
    void womenWithNoDistrictCountAsAnUnknownPart() {
        // 3 + 20 in districts, 5 more with no district: 28 - 20 = 8 is not the withheld 3
        List<Cell> cells = new ArrayList<>(List.of(Cell.count(Cell.ALL, 1, NOW, 3), Cell.count(Cell.ALL, 2, NOW, 20),
            Cell.count(Cell.ALL, Cell.CITY, NOW, 28)));

        List<PublishedCell> out = Suppression.apply(cells, Map.of(), false);

        assertTrue(at(out, 1, NOW).withheld());
        assertFalse(at(out, 2, NOW).withheld());
    }

    @Test
    void aCellThatDescribesNoPersonIsNeverWithheld() {
        List<PublishedCell> out = Suppression.apply(List.of(new Cell(Cell.ALL, 3, NOW, BigDecimal.ONE, null),
            new Cell(Cell.ALL, Cell.CITY, NOW, BigDecimal.valueOf(2), null)), Map.of(), false);

        assertTrue(out.stream().noneMatch(PublishedCell::withheld));
    }

    @Test
    void theSeriesTotalIsAMarginToo() {
        List<Cell> cells = List.of(Cell.count("TAILORING", Cell.CITY, NOW, 2), Cell.count("FOOD", Cell.CITY, NOW, 40),
            Cell.count("CRAFT", Cell.CITY, NOW, 11), Cell.count(Cell.ALL, Cell.CITY, NOW, 53));

        List<PublishedCell> out = Suppression.apply(cells, Map.of(), false);

        assertEquals(List.of(true, false, true, false), out.stream().map(PublishedCell::withheld).toList());
    }

    @Test
    void periodsNestInWholeJalaliUnits() {
        Periods p = new Periods(LocalDate.of(2025, 10, 7)); // 1404-07-15

        assertEquals(List.of("1404-Q1", "1404-Q2", "1404-Q3"), p.margins().get("1404"));
        assertEquals(List.of("1404-07"), p.margins().get("1404-Q3"));
        assertEquals(12, p.margins().get(Periods.LAST_12_MONTHS).size());
        assertEquals("1403-08", p.margins().get(Periods.LAST_12_MONTHS).get(0));
        assertEquals(List.of("1403", "1404"), p.margins().get(Periods.LAST_2_YEARS));
        Periods.Window window = p.windows().stream().filter(w -> w.period().equals(Periods.LAST_12_MONTHS))
            .findFirst().orElseThrow();
        assertEquals(LocalDate.of(2024, 10, 22), window.from()); // 1403-08-01
        assertEquals(LocalDate.of(2025, 10, 22), window.to()); // 1404-07-30
    }
}
