package ir.tehran.womenfamily.support.jalali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class DaysTest {

    @Test
    void isoAndJalaliDaysInAnyDigits() {
        assertEquals(LocalDate.of(2024, 3, 6), Days.parseDate("2024-03-06"));
        assertEquals(LocalDate.of(2024, 3, 6), Days.parseDate("1402-12-16"));
        assertEquals(LocalDate.of(2024, 3, 6), Days.parseDate("۱۴۰۲/۱۲/۱۶"));
        assertEquals(LocalDate.of(2024, 3, 20), Days.parseDate("1403-01-01"));
        assertEquals(LocalDate.of(2025, 3, 20), Days.parseDate("1403-12-30"));
    }

    @Test
    void daysThatDoNotExistAreRefused() {
        assertThrows(DateTimeParseException.class, () -> Days.parseDate("1402-12-30"));
        assertThrows(DateTimeParseException.class, () -> Days.parseDate("2023-02-29"));
        assertThrows(DateTimeParseException.class, () -> Days.parseDate("yesterday"));
        assertThrows(DateTimeParseException.class, () -> Days.parseDate(null));
    }

    @Test
    void instantsWithAnOffsetOrADayInTehran() {
        assertEquals(Instant.parse("2024-03-06T10:00:00Z"), Days.parseInstant("2024-03-06T13:30:00+03:30"));
        assertEquals(Instant.parse("2024-03-05T20:30:00Z"), Days.parseInstant("1402-12-16"));
        assertThrows(DateTimeParseException.class, () -> Days.parseInstant("2024-03-06T10:00:00"));
    }

    @Test
    void jalaliOutput() {
        assertEquals("1402-12-16", Days.jalali(LocalDate.of(2024, 3, 6)));
        assertEquals("1403-01-01", Days.jalali(Instant.parse("2024-03-19T21:00:00Z")));
    }
}
