package ir.tehran.womenfamily.support.jalali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DaysTest {

    @Test
    void jalaliOutput() {
        assertEquals("1402-12-16", Days.jalali(LocalDate.of(2024, 3, 6)));
        assertEquals("1403-01-01", Days.jalali(Instant.parse("2024-03-19T21:00:00Z")));
        assertNull(Days.jalali((LocalDate) null));
        assertNull(Days.jalali((Instant) null));
    }
}
