package ir.tehran.womenfamily.sponsorship.pledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.junit.jupiter.api.Test;

class InstalmentScheduleTest {

    private static List<String> dueDays(String startJalali, int months) {
        return InstalmentSchedule.of(JalaliDate.parse(startJalali).toGregorian(), months, 1_000_000).stream()
            .map(d -> JalaliDate.of(d.dueOn()).toString()).toList();
    }

    @Test
    void eachInstalmentIsDueOnTheSameDayOfTheNextJalaliMonth() {
        assertEquals(List.of("1403-01-15", "1403-02-15", "1403-03-15"), dueDays("1403-01-15", 3));
    }

    @Test
    void aDayTheMonthLacksFallsOnItsLastDay() {
        // the first six months have 31 days, the next five 30, Esfand 29 (30 in a leap year)
        assertEquals(List.of("1403-06-31", "1403-07-30", "1403-08-30", "1403-09-30", "1403-10-30", "1403-11-30",
            "1403-12-30", "1404-01-31"), dueDays("1403-06-31", 8));
        // 1403 is a leap year (30 Esfand), 1404 is not (29 Esfand)
        assertEquals(List.of("1404-11-30", "1404-12-29", "1405-01-30"), dueDays("1404-11-30", 3));
    }

    @Test
    void theScheduleRunsAcrossYearsAndAddsUpToTheTotal() {
        List<InstalmentSchedule.Due> dues = InstalmentSchedule.of(JalaliDate.parse("1403-10-01").toGregorian(), 24,
            7_500_000);
        assertEquals(24, dues.size());
        assertEquals("1405-09-01", JalaliDate.of(dues.get(23).dueOn()).toString());
        assertEquals(24 * 7_500_000L, dues.stream().mapToLong(InstalmentSchedule.Due::amountRials).sum());
        assertEquals(24, dues.get(23).number());
    }

    @Test
    void aOneOffIsOneInstalmentOnItsStartDay() {
        assertEquals(List.of("1403-05-20"), dueDays("1403-05-20", 1));
    }

    @Test
    void aReceiptPaysTheOldestOpenInstalmentsFirst() {
        List<InstalmentSchedule.Share> shares = InstalmentSchedule.allocate(new long[] {0, 300, 1000, 1000}, 1500);
        assertEquals(List.of(new InstalmentSchedule.Share(1, 300), new InstalmentSchedule.Share(2, 1000),
            new InstalmentSchedule.Share(3, 200)), shares);
        assertThrows(IllegalArgumentException.class, () -> InstalmentSchedule.allocate(new long[] {100}, 101));
    }
}
