package ir.tehran.womenfamily.support.jalali;

import java.time.LocalDate;

/**
 * An independent Jalali conversion (Borkowski's arithmetic, as in jalaali-js, exact for 1178-1633 AP),
 * used only to check ICU4J's answers.
 */
final class BorkowskiOracle {

    private static final int[] BREAKS = {-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
        2192, 2262, 2324, 2394, 2456, 3178};

    private BorkowskiOracle() {
    }

    /** {year, month, day} of a Gregorian date. */
    static int[] toJalali(LocalDate date) {
        int gy = date.getYear();
        int jy = gy - 621;
        int[] r = jalCal(jy);
        long jdn1f = LocalDate.of(gy, 3, 1).toEpochDay() + r[2] - 1;
        long k = date.toEpochDay() - jdn1f;
        if (k >= 0) {
            if (k <= 185) {
                return new int[] {jy, (int) (1 + k / 31), (int) (k % 31 + 1)};
            }
            k -= 186;
        } else {
            jy -= 1;
            k += 179;
            if (r[0] == 1) {
                k += 1;
            }
        }
        return new int[] {jy, (int) (7 + k / 30), (int) (k % 30 + 1)};
    }

    static boolean isLeap(int jy) {
        return jalCal(jy)[0] == 0;
    }

    /** {leap, gregorianYear, marchDayOfNowruz}. */
    private static int[] jalCal(int jy) {
        int gy = jy + 621;
        int leapJ = -14;
        int jp = BREAKS[0];
        int jump = 0;
        for (int i = 1; i < BREAKS.length; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (jy < jm) {
                break;
            }
            leapJ = leapJ + jump / 33 * 8 + (jump % 33) / 4;
            jp = jm;
        }
        int n = jy - jp;
        leapJ = leapJ + n / 33 * 8 + ((n % 33) + 3) / 4;
        if (jump % 33 == 4 && jump - n == 4) {
            leapJ += 1;
        }
        int leapG = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
        int march = 20 + leapJ - leapG;
        if (jump - n < 6) {
            n = n - jump + (jump + 4) / 33 * 33;
        }
        int leap = (((n + 1) % 33) - 1) % 4;
        if (leap == -1) {
            leap = 4;
        }
        return new int[] {leap, gy, march};
    }
}
