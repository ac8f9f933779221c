package ir.tehran.womenfamily.support.jalali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JalaliQuarterTest {

    @Test
    void aQuarterIsThreeJalaliMonthsNamedByItsYear() {
        // 1 Tir 1404 is 22 June 2025: the second quarter begins; 30 Esfand 1403 (a leap year) ends the fourth
        JalaliQuarter q = JalaliQuarter.of(LocalDate.of(2025, 6, 22));
        assertEquals("1404-Q2", q.label());
        assertEquals(LocalDate.of(2025, 6, 22), q.first());
        assertEquals(LocalDate.of(2025, 9, 22), q.last());
        assertEquals(LocalDate.of(2025, 6, 21), JalaliQuarter.of(LocalDate.of(2025, 6, 21)).last());
        assertEquals(LocalDate.of(2025, 3, 20), JalaliQuarter.of(LocalDate.of(2025, 3, 20)).last());
        assertEquals("1403-Q4", JalaliQuarter.of(LocalDate.of(2025, 3, 20)).label());
        assertEquals(new JalaliQuarter(1405, 1), new JalaliQuarter(1404, 4).next());
        assertThrows(IllegalArgumentException.class, () -> new JalaliQuarter(1404, 5));
    }

    @Test
    void theQuartersBetweenTwoDaysAreEveryQuarterTheyMeetWithoutGaps() {
        List<JalaliQuarter> quarters = JalaliQuarter.between(LocalDate.of(2025, 6, 21), LocalDate.of(2026, 3, 20));
        assertEquals(List.of("1404-Q1", "1404-Q2", "1404-Q3", "1404-Q4"),
            quarters.stream().map(JalaliQuarter::label).toList());
        for (int i = 1; i < quarters.size(); i++) {
            assertEquals(quarters.get(i - 1).last().plusDays(1), quarters.get(i).first());
        }
        assertTrue(JalaliQuarter.between(LocalDate.of(2025, 6, 21), LocalDate.of(2025, 6, 20)).isEmpty());
    }
}
