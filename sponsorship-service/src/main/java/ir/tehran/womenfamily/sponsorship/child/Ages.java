package ir.tehran.womenfamily.sponsorship.child;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import ir.tehran.womenfamily.support.jalali.JalaliDate;

/**
 * Ages by the Jalali calendar, the one families count birthdays in. A child born on 30 Esfand of a leap
 * year has her birthday in a common year on 1 Farvardin, the day after the year's last day (29 Esfand):
 * she completes her years when the year she was born at the end of has fully turned, never a day early.
 */
public final class Ages {

    /**
     * A Jalali date falls within two days of the same Gregorian date every year (Nowruz is 20 or 21 March in
     * 1300-1500), and 30 Esfand moves one day more; away from the Gregorian birthday by more than this, the
     * Jalali and Gregorian ages are the same.
     */
    private static final int SAFE_DAYS = 5;

    private Ages() {
    }

    /** The day she turns {@code years} old. */
    public static LocalDate anniversary(LocalDate birth, int years) {
        JalaliDate b = JalaliDate.of(birth);
        int year = b.year() + years;
        if (b.month() == 12 && b.day() == 30 && !JalaliDate.isLeapYear(year)) {
            return new JalaliDate(year + 1, 1, 1).toGregorian();
        }
        return new JalaliDate(year, b.month(), b.day()).toGregorian();
    }

    /** Her age in whole years on {@code day}; 0 before her first birthday (or before her birth). */
    public static int ageOn(LocalDate birth, LocalDate day) {
        if (day.isBefore(birth)) {
            return 0;
        }
        int gregorian = Period.between(birth, day).getYears();
        if (ChronoUnit.DAYS.between(birth.plusYears(gregorian), day) > SAFE_DAYS
            && ChronoUnit.DAYS.between(day, birth.plusYears(gregorian + 1L)) > SAFE_DAYS) {
            return gregorian;
        }
        return jalaliAgeOn(birth, day);
    }

    /** The age counted on the Jalali calendar alone (slower; {@link #ageOn} uses it near a birthday). */
    static int jalaliAgeOn(LocalDate birth, LocalDate day) {
        if (day.isBefore(birth)) {
            return 0;
        }
        int age = JalaliDate.of(day).year() - JalaliDate.of(birth).year();
        if (anniversary(birth, age).isAfter(day)) {
            age--;
        }
        return Math.max(age, 0);
    }
}
