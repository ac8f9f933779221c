package ir.tehran.womenfamily.registry.work.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import ir.tehran.womenfamily.registry.work.WorkingDays;

class CentreLoadTest {

    // 2027-05-22 is a Saturday, 2027-05-28 a Friday
    private static final LocalDate SAT = LocalDate.of(2027, 5, 22);

    private static WorkingDays.Range days(int fromOffset, int toOffset) {
        return new WorkingDays.Range(SAT.plusDays(fromOffset), SAT.plusDays(toOffset));
    }

    @Test
    void fridaysAreNotWorkingDays() {
        assertEquals(6, WorkingDays.between(SAT, SAT.plusDays(5)));
        assertEquals(6, WorkingDays.between(SAT, SAT.plusDays(6)));
        assertEquals(7, WorkingDays.between(SAT, SAT.plusDays(7)));
        assertEquals(0, WorkingDays.between(SAT.plusDays(6), SAT.plusDays(6)));
        assertEquals(0, WorkingDays.between(SAT.plusDays(1), SAT));
        for (int n = 0; n < 60; n++) {
            long slow = SAT.datesUntil(SAT.plusDays(n + 1))
                .filter(d -> d.getDayOfWeek() != java.time.DayOfWeek.FRIDAY).count();
            assertEquals(slow, WorkingDays.between(SAT, SAT.plusDays(n)), "days " + n);
        }
    }

    @Test
    void capacityIsDailyOutputTimesWorkingDaysLessRenovationDays() {
        CentreLoad.Result r = CentreLoad.over(days(0, 6), 10, List.of(days(2, 3)), List.of());
        assertEquals(6, r.workingDays());
        assertEquals(2, r.renovationDays());
        assertEquals(40, r.capacityUnits());
        assertEquals(40, r.remainingUnits());
    }

    @Test
    void anOrderLoadsTheCentreEvenlyOverItsWindowAndOnlyTheOverlapCounts() {
        UUID order = UUID.randomUUID();
        // 60 pieces over six working days: 10 a day; the range asked about covers three of them
        CentreLoad.Result r = CentreLoad.over(days(3, 9), 10, List.of(),
            List.of(new CentreLoad.Booking(order, 60, days(0, 5))));
        assertEquals(6, r.workingDays());
        assertEquals(30, r.bookedUnits());
        assertEquals(30, r.remainingUnits());
        assertEquals(List.of(new CentreLoad.Share(order, 30)), r.shares());
    }

    @Test
    void partialLoadsRoundUpAndRemainingNeverGoesBelowZero() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        CentreLoad.Result r = CentreLoad.over(days(0, 0), 5, List.of(),
            List.of(new CentreLoad.Booking(a, 10, days(0, 2)), new CentreLoad.Booking(b, 100, days(0, 0))));
        assertEquals(4 + 100, r.bookedUnits());
        assertEquals(0, r.remainingUnits());
        assertTrue(r.capacityUnits() < r.bookedUnits());
    }

    @Test
    void bookingsOutsideTheRangeDoNotCount() {
        CentreLoad.Result r = CentreLoad.over(days(0, 2), 3, List.of(),
            List.of(new CentreLoad.Booking(UUID.randomUUID(), 50, days(7, 12))));
        assertEquals(0, r.bookedUnits());
        assertEquals(9, r.remainingUnits());
    }

    @Test
    void anotherOrderIsJudgedDayByDayNotOverTheWholeRange() {
        // 30 a day; one order takes 10 a day all week, a short one 15 a day on the first two days
        CentreLoad.Result r = CentreLoad.over(days(0, 5), 30, List.of(), List.of(
            new CentreLoad.Booking(UUID.randomUUID(), 60, days(0, 5)),
            new CentreLoad.Booking(UUID.randomUUID(), 30, days(0, 1))));
        assertEquals(180, r.capacityUnits());
        assertEquals(90, r.remainingUnits());
        assertEquals(25.0, r.peakDailyLoad(), 1e-9);
        // spread over the six days, 5 a day is all the first two days have left: 30 pieces, not 90
        assertEquals(30, r.orderRoomUnits());
        // over the last four days only the long order weighs: 20 a day left
        assertEquals(80, CentreLoad.over(days(2, 5), 30, List.of(), List.of(
            new CentreLoad.Booking(UUID.randomUUID(), 60, days(0, 5)),
            new CentreLoad.Booking(UUID.randomUUID(), 30, days(0, 1)))).orderRoomUnits());
    }

    @Test
    void evenLoadsLeaveTheSameRoomAsBeforeAndARenovationLeavesNone() {
        CentreLoad.Result r = CentreLoad.over(days(0, 5), 20, List.of(),
            List.of(new CentreLoad.Booking(UUID.randomUUID(), 60, days(0, 5))));
        assertEquals(60, r.remainingUnits());
        assertEquals(60, r.orderRoomUnits());
        assertEquals(0, CentreLoad.over(days(0, 6), 10, List.of(days(2, 3)), List.of()).orderRoomUnits());
        assertEquals(0, CentreLoad.over(days(6, 6), 10, List.of(), List.of()).orderRoomUnits());
    }
}
