package ir.tehran.womenfamily.sponsorship.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.junit.jupiter.api.Test;

/** Birthdays by the Jalali calendar, leap years included. */
class AgesTest {

    private static LocalDate jalali(String date) {
        return JalaliDate.parse(date).toGregorian();
    }

    @Test
    void anOrdinaryBirthdayFallsOnTheSameJalaliDay() {
        LocalDate birth = jalali("1383-05-10");
        assertEquals("1403-05-10", JalaliDate.of(Ages.anniversary(birth, 20)).toString());
        assertEquals(19, Ages.ageOn(birth, jalali("1403-05-09")));
        assertEquals(20, Ages.ageOn(birth, jalali("1403-05-10")));
    }

    @Test
    void bornOn30EsfandOfALeapYearSheTurnsOnNowruzInACommonYear() {
        // 30 Esfand 1399 is 20 March 2021; 1400 is a common year, so her first birthday is 1 Farvardin 1401
        LocalDate birth = LocalDate.of(2021, 3, 20);
        assertEquals("1399-12-30", JalaliDate.of(birth).toString());
        assertEquals(LocalDate.of(2022, 3, 21), Ages.anniversary(birth, 1));
        assertEquals(0, Ages.ageOn(birth, LocalDate.of(2022, 3, 20)), "29 Esfand 1400, the last day of the year");
        assertEquals(1, Ages.ageOn(birth, LocalDate.of(2022, 3, 21)));
    }

    @Test
    void bornOn30EsfandOfALeapYearSheTurnsOn30EsfandInALeapYear() {
        // 1403 is a leap year: 30 Esfand 1403 is 20 March 2025
        LocalDate birth = LocalDate.of(2021, 3, 20);
        assertEquals(LocalDate.of(2025, 3, 20), Ages.anniversary(birth, 4));
        assertEquals(3, Ages.ageOn(birth, LocalDate.of(2025, 3, 19)));
        assertEquals(4, Ages.ageOn(birth, LocalDate.of(2025, 3, 20)));
    }

    @Test
    void theTwentiethBirthdayOfChildrenBornOn30Esfand() {
        // 1383 and 1403 are both leap years: born 30 Esfand 1383 (20 March 2005), 20 on 30 Esfand 1403
        assertEquals(LocalDate.of(2025, 3, 20), Ages.anniversary(LocalDate.of(2005, 3, 20), 20));
        // 1387 is a leap year, 1407 is not: born 30 Esfand 1387, 20 on 1 Farvardin 1408
        LocalDate birth = jalali("1387-12-30");
        assertEquals("1408-01-01", JalaliDate.of(Ages.anniversary(birth, 20)).toString());
        assertEquals(19, Ages.ageOn(birth, jalali("1407-12-29")));
        assertEquals(20, Ages.ageOn(birth, jalali("1408-01-01")));
    }

    @Test
    void bornOn29EsfandSheAlwaysHasHerBirthday() {
        LocalDate birth = jalali("1402-12-29");
        assertEquals("1403-12-29", JalaliDate.of(Ages.anniversary(birth, 1)).toString());
        assertEquals("1404-12-29", JalaliDate.of(Ages.anniversary(birth, 2)).toString());
    }

    @Test
    void theQuickCountAgreesWithTheJalaliCountOnEveryDayNearOrFarFromABirthday() {
        java.util.Random random = new java.util.Random(1399);
        for (int i = 0; i < 3000; i++) {
            int year = 1375 + random.nextInt(30);
            // one birth in ten on the last day of Esfand, leap or not, where the two calendars part most
            LocalDate birth = i % 10 == 0 ? new JalaliDate(year, 12, JalaliDate.monthLength(year, 12)).toGregorian()
                : LocalDate.of(1995, 1, 1).plusDays(random.nextInt(11_000));
            LocalDate anniversary = Ages.anniversary(birth, 1 + random.nextInt(20));
            for (int d = -8; d <= 8; d++) {
                LocalDate day = anniversary.plusDays(d);
                assertEquals(Ages.jalaliAgeOn(birth, day), Ages.ageOn(birth, day), () -> birth + " on " + day);
            }
            LocalDate any = birth.plusDays(random.nextInt(8000));
            assertEquals(Ages.jalaliAgeOn(birth, any), Ages.ageOn(birth, any), () -> birth + " on " + any);
        }
    }

    @Test
    void beforeBirthTheAgeIsZero() {
        assertEquals(0, Ages.ageOn(LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1)));
        assertEquals(0, Ages.ageOn(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1)));
    }
}
