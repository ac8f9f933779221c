package ir.tehran.womenfamily.registry.work.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Jalali months and a month's statement, without a database. */
class MonthlyStatementTest {

    private static Placement placement(String startedOn, String endedOn) {
        Placement p = Placement.start(UUID.randomUUID(), new Placement.Terms(null, "کارگاه خیاطی", "خیاطی",
            LocalDate.parse(startedOn).minusDays(10), 6, 120_000L, null, LocalDate.parse(startedOn)), "cw",
            Instant.now()).placement();
        if (endedOn != null) {
            p.end(LocalDate.parse(endedOn), Placement.EndReason.COMPLETED, "cw", Instant.now());
        }
        return p;
    }

    private static Attendance day(Placement p, String day, Attendance.Status status, int hours) {
        Attendance a = new Attendance();
        a.key = new Attendance.Key(p.id, LocalDate.parse(day));
        a.status = status;
        a.hours = (short) hours;
        return a;
    }

    @Test
    void jalaliMonthsHaveTheirRealBounds() {
        JalaliMonth mehr = JalaliMonth.parse("۱۴۰۳/۰۷");
        assertEquals("1403-07", mehr.toString());
        assertEquals(LocalDate.of(2024, 9, 22), mehr.firstDay());
        assertEquals(LocalDate.of(2024, 10, 21), mehr.lastDay());
        // 1403 is a leap year: Esfand has 30 days, up to the day before Nowruz 1404
        assertEquals(LocalDate.of(2025, 3, 20), JalaliMonth.parse("1403-12").lastDay());
        assertEquals(LocalDate.of(2024, 3, 19), JalaliMonth.parse("1402-12").lastDay());
        assertEquals(JalaliMonth.parse("1403-01"), JalaliMonth.of(LocalDate.of(2024, 3, 20)));
        assertThrows(IllegalArgumentException.class, () -> JalaliMonth.parse("1403-13"));
        assertThrows(IllegalArgumentException.class, () -> JalaliMonth.parse("1403-07-01"));
        assertThrows(IllegalArgumentException.class, () -> JalaliMonth.parse(null));
    }

    @Test
    void aMonthCountsItsDaysHoursAndWagesInRials() {
        Placement p = placement("2024-09-01", null);
        List<Attendance> days = new ArrayList<>(List.of(
            day(p, "2024-09-21", Attendance.Status.PRESENT, 6),  // 1403-06-31, the month before
            day(p, "2024-09-22", Attendance.Status.PRESENT, 6),
            day(p, "2024-09-24", Attendance.Status.ABSENT, 0),
            day(p, "2024-09-23", Attendance.Status.PRESENT, 4),
            day(p, "2024-09-25", Attendance.Status.EXCUSED, 0),
            day(p, "2024-10-21", Attendance.Status.PRESENT, 5),  // 1403-07-30, the last day
            day(p, "2024-10-22", Attendance.Status.PRESENT, 6))); // 1403-08-01, the month after
        MonthlyStatement s = MonthlyStatement.of(p, JalaliMonth.parse("1403-07"), days);
        assertEquals(List.of("1403-07-01", "1403-07-02", "1403-07-03", "1403-07-04", "1403-07-30"),
            s.days().stream().map(MonthlyStatement.Day::dayJalali).toList());
        assertEquals(3, s.daysPresent());
        assertEquals(1, s.daysAbsent());
        assertEquals(1, s.daysExcused());
        assertEquals(15, s.hoursWorked());
        assertEquals(15 * 120_000L, s.wagesRials());
        assertEquals(LocalDate.of(2024, 9, 22), s.firstDay());
    }

    @Test
    void aPlacementStartingOrEndingInTheMonthBoundsIt() {
        Placement p = placement("2024-10-01", "2024-10-10");
        MonthlyStatement s = MonthlyStatement.of(p, JalaliMonth.parse("1403-07"), List.of(
            day(p, "2024-10-01", Attendance.Status.PRESENT, 6), day(p, "2024-10-10", Attendance.Status.PRESENT, 6)));
        assertEquals(LocalDate.of(2024, 10, 1), s.firstDay());
        assertEquals(LocalDate.of(2024, 10, 10), s.lastDay());
        assertEquals(12, s.hoursWorked());
        assertThrows(IllegalArgumentException.class, () -> MonthlyStatement.of(p, JalaliMonth.parse("1403-09"),
            List.of()));
    }

    @Test
    void startAndEndAnnounceNothingAboutHer() {
        UUID woman = UUID.randomUUID();
        Placement.Started started = Placement.start(woman, new Placement.Terms(null, "واحد تولیدی", "خیاطی",
            LocalDate.of(2024, 9, 1), 6, 100_000L, "ز-۱۲۳", LocalDate.of(2024, 9, 10)), "cw", Instant.now());
        String text = started.event().payload().toString();
        assertEquals("placement.started", started.event().type());
        assertEquals(started.placement().id.toString(), started.event().aggregateId());
        for (String secret : new String[] {woman.toString(), "واحد", "100000", "ز-"}) {
            assertEquals(-1, text.indexOf(secret), "the event carries " + secret);
        }
        assertEquals("placement.ended", started.placement().end(LocalDate.of(2024, 10, 1),
            Placement.EndReason.LEFT, "cw", Instant.now()).type());
        assertThrows(IllegalStateException.class, () -> started.placement().end(LocalDate.of(2024, 10, 2),
            Placement.EndReason.LEFT, "cw", Instant.now()));
    }
}
