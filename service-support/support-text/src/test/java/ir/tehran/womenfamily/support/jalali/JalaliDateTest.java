package ir.tehran.womenfamily.support.jalali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class JalaliDateTest {

    @Test
    void theTwentiethExhibitionRanFrom16To25Esfand1402() {
        assertEquals(LocalDate.of(2024, 3, 6), new JalaliDate(1402, 12, 16).toGregorian());
        assertEquals(LocalDate.of(2024, 3, 15), new JalaliDate(1402, 12, 25).toGregorian());
        assertEquals(new JalaliDate(1402, 12, 16), JalaliDate.of(LocalDate.of(2024, 3, 6)));
    }

    @Test
    void nowruzDates() {
        assertEquals(LocalDate.of(2024, 3, 20), new JalaliDate(1403, 1, 1).toGregorian());
        assertEquals(LocalDate.of(2025, 3, 21), new JalaliDate(1404, 1, 1).toGregorian());
        assertEquals(LocalDate.of(2023, 3, 21), new JalaliDate(1402, 1, 1).toGregorian());
        assertEquals(new JalaliDate(1379, 1, 1), JalaliDate.of(LocalDate.of(2000, 3, 20)));
        assertEquals(new JalaliDate(1300, 1, 1), JalaliDate.of(LocalDate.of(1921, 3, 21)));
    }

    @Test
    void leapYearsOfTheSolarHijriCalendar() {
        assertTrue(JalaliDate.isLeapYear(1403));
        assertFalse(JalaliDate.isLeapYear(1402));
        assertTrue(JalaliDate.isLeapYear(1399));
        assertEquals(LocalDate.of(2025, 3, 20), new JalaliDate(1403, 12, 30).toGregorian());
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1402, 12, 30));
    }

    @Test
    void everyDayFrom1300To1500AgreesWithAnIndependentAlgorithmAndRoundTrips() {
        LocalDate d = new JalaliDate(1300, 1, 1).toGregorian();
        LocalDate end = new JalaliDate(1500, 12, 29).toGregorian();
        JalaliDate previous = null;
        while (!d.isAfter(end)) {
            JalaliDate j = JalaliDate.of(d);
            int[] oracle = BorkowskiOracle.toJalali(d);
            assertEquals(new JalaliDate(oracle[0], oracle[1], oracle[2]), j, d.toString());
            assertEquals(d, j.toGregorian());
            if (previous != null) {
                assertEquals(previous.plusDays(1), j);
            }
            previous = j;
            d = d.plusDays(1);
        }
        for (int y = 1300; y <= 1500; y++) {
            assertEquals(BorkowskiOracle.isLeap(y), JalaliDate.isLeapYear(y), "year " + y);
        }
    }

    @Test
    void yearsOutsideTheSupportedRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1299, 12, 29));
        assertThrows(IllegalArgumentException.class, () -> new JalaliDate(1501, 1, 1));
    }

    @Test
    void digitsStayLatinUnderAPersianDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("fa-IR"));
            assertEquals("1402-12-16", new JalaliDate(1402, 12, 16).toString());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void parsesPersianAndLatinDigitsWithEitherSeparator() {
        assertEquals(new JalaliDate(1402, 12, 16), JalaliDate.parse("۱۴۰۲/۱۲/۱۶"));
        assertEquals(new JalaliDate(1402, 12, 16), JalaliDate.parse("1402-12-16"));
        assertEquals("1403-01-01", new JalaliDate(1403, 1, 1).toString());
        assertThrows(DateTimeParseException.class, () -> JalaliDate.parse("1402-13-01"));
        assertThrows(DateTimeParseException.class, () -> JalaliDate.parse("16 Esfand"));
    }
}
