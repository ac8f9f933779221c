package ir.tehran.womenfamily.support.jalali;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import ir.tehran.womenfamily.support.json.StrictJson;
import ir.tehran.womenfamily.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The one way a date comes in: ISO or Jalali, one set of checks, one problem naming the field. */
class DateInputTest {

    private static final LocalDate ESFAND_16_1402 = LocalDate.of(2024, 3, 6);

    @Test
    void isoAndJalaliInLatinOrPersianDigits() {
        assertEquals(ESFAND_16_1402, DateInput.parse("2024-03-06"));
        assertEquals(ESFAND_16_1402, DateInput.parse("1402/12/16"));
        assertEquals(ESFAND_16_1402, DateInput.parse("1402-12-16"));
        assertEquals(ESFAND_16_1402, DateInput.parse("۱۴۰۲/۱۲/۱۶"));
        assertEquals(ESFAND_16_1402, DateInput.parse("٢٠٢٤-٠٣-٠٦"));
        assertEquals(ESFAND_16_1402, DateInput.parse("  2024-03-06 "));
        assertEquals(LocalDate.of(2024, 3, 20), DateInput.parse("1403/01/01"));
        assertEquals(LocalDate.of(2025, 3, 20), DateInput.parse("1403/12/30"));
    }

    @Test
    void daysThatDoNotExistAreRefused() {
        // 1403 is a leap year (Esfand has 30 days) and 1402 is not; Esfand never has 31
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("1402/12/30"));
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("1403/12/31"));
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("1404/12/30"));
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("2025-02-30"));
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("2023-02-29"));
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("1403-13-01"));
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("1403-00-10"));
        assertThrows(DateTimeParseException.class, () -> DateInput.parse("1200-01-01"));
    }

    @Test
    void textThatIsNoDateIsRefused() {
        for (String text : new String[] {"yesterday", "06/03/2024", "20240306", "99999-01-01", "1403-1-1-1", "",
            "   ", null}) {
            assertThrows(DateTimeParseException.class, () -> DateInput.parse(text), String.valueOf(text));
        }
    }

    @Test
    void aRequiredDayIsAProblemNamingTheField() {
        assertEquals(ESFAND_16_1402, DateInput.required("startsOn", "۱۴۰۲/۱۲/۱۶"));
        assertProblem("startsOn", "validation.date", () -> DateInput.required("startsOn", "1403/12/31"));
        assertProblem("startsOn", "validation.date", () -> DateInput.required("startsOn", "2025-02-30"));
        assertProblem("startsOn", "validation.required", () -> DateInput.required("startsOn", " "));
        assertProblem("startsOn", "validation.required", () -> DateInput.required("startsOn", null));
        assertProblem("heldOn", "validation.required", () -> DateInput.present("heldOn", null));
        assertEquals(ESFAND_16_1402, DateInput.present("heldOn", ESFAND_16_1402));
    }

    @Test
    void anOptionalDayMayBeAbsentOrBlank() {
        assertNull(DateInput.optional("to", null));
        assertNull(DateInput.optional("to", "  "));
        assertEquals(ESFAND_16_1402, DateInput.optional("to", "2024-03-06"));
        assertProblem("to", "validation.date", () -> DateInput.optional("to", "1402-12-30"));
    }

    @Test
    void anInstantOrADayMeaningItsFirstMomentInTehran() {
        assertEquals(Instant.parse("2024-03-06T10:00:00Z"), DateInput.instant("from", "2024-03-06T13:30:00+03:30"));
        assertEquals(Instant.parse("2024-03-05T20:30:00Z"), DateInput.instant("from", "1402-12-16"));
        assertEquals(Instant.parse("2024-03-05T20:30:00Z"), DateInput.instant("from", "2024-03-06"));
        assertNull(DateInput.instant("from", ""));
        assertProblem("from", "validation.instant", () -> DateInput.instant("from", "2024-03-06T10:00:00"));
        assertProblem("from", "validation.instant", () -> DateInput.instant("from", "1402-12-30"));
    }

    record Body(@JsonDeserialize(using = DateInput.class) LocalDate day) {
    }

    private static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper());

    @Test
    void aBodyFieldTakesEitherFormAndABlankIsAbsent() throws Exception {
        assertEquals(ESFAND_16_1402, JSON.readValue("{\"day\":\"2024-03-06\"}", Body.class).day());
        assertEquals(ESFAND_16_1402, JSON.readValue("{\"day\":\"۱۴۰۲/۱۲/۱۶\"}", Body.class).day());
        assertNull(JSON.readValue("{\"day\":\" \"}", Body.class).day());
        assertNull(JSON.readValue("{\"day\":null}", Body.class).day());
    }

    @Test
    void aBadBodyFieldIsAMismatchAtItsPathForTheProblemMappers() {
        for (String value : new String[] {"\"1403/12/31\"", "\"2025-02-30\"", "20240306", "{}", "[]", "true"}) {
            MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> JSON.readValue("{\"day\":" + value + "}", Body.class), value);
            assertEquals(LocalDate.class, e.getTargetType(), value);
            assertEquals("day", e.getPath().get(0).getFieldName(), value);
        }
    }

    private static void assertProblem(String field, String key, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(400, e.status());
        assertEquals("validation", e.type());
        assertEquals(1, e.errors().size());
        assertEquals(field, e.errors().get(0).field());
        assertEquals(key, e.errors().get(0).messageKey());
    }
}
