package ir.tehran.womenfamily.bazaar.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JalaliRecurrenceTest {

    @Test
    void theTwentiethExhibitionEndedFourDaysBeforeNowruz1403() {
        List<JalaliRecurrence.Occurrence> o = new JalaliRecurrence(JalaliRecurrence.Rule.BEFORE_NOWRUZ, 1402, 1402,
            null, null, 10, 4).occurrences();
        assertEquals(List.of(new JalaliRecurrence.Occurrence(LocalDate.of(2024, 3, 6), LocalDate.of(2024, 3, 15))), o);
    }

    @Test
    void theLastTenDaysOfALeapEsfandEndOnItsThirtiethDay() {
        // 1403 is a leap year: Esfand has 30 days and Nowruz 1404 is 2025-03-21
        JalaliRecurrence.Occurrence o = new JalaliRecurrence(JalaliRecurrence.Rule.BEFORE_NOWRUZ, 1403, 1403, null,
            null, 10, 0).occurrences().get(0);
        assertEquals(LocalDate.of(2025, 3, 20), o.end());
        assertEquals(LocalDate.of(2025, 3, 11), o.start());
    }

    @Test
    void yaldaNightIsTheThirtiethOfAzar() {
        assertEquals(LocalDate.of(2024, 12, 20), new JalaliRecurrence(JalaliRecurrence.Rule.YALDA, 1403, 1403, null,
            null, 1, 0).occurrences().get(0).start());
    }

    @Test
    void monthlyGivesTwelveAndClipsTheDayToTheMonth() {
        List<JalaliRecurrence.Occurrence> o = new JalaliRecurrence(JalaliRecurrence.Rule.MONTHLY, 1402, 1402, null,
            31, 2, 0).occurrences();
        assertEquals(12, o.size());
        // Mehr has 30 days: the 31st becomes the 30th (1402-07-30 = 2023-10-22)
        assertEquals(LocalDate.of(2023, 10, 22), o.get(6).start());
        assertEquals(LocalDate.of(2023, 10, 23), o.get(6).end());
    }
}
