package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ir.tehran.womenfamily.support.jalali.JalaliDate;

/**
 * The instalments of a pledge, in Jalali months: the first is due on the start date, each next one on the same
 * day of the following Jalali month, or on that month's last day when it is shorter (a pledge starting on 31
 * Shahrivar is due on 30 Mehr, and on 29 or 30 Esfand). Each instalment is the pledge's instalment amount, so
 * they add up to its total exactly.
 */
public final class InstalmentSchedule {

    private InstalmentSchedule() {
    }

    /** One instalment to be. */
    public record Due(int number, LocalDate dueOn, long amountRials) {
    }

    public static List<Due> of(LocalDate startsOn, int months, long instalmentRials) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1");
        }
        JalaliDate start = JalaliDate.of(startsOn);
        List<Due> out = new ArrayList<>(months);
        for (int n = 0; n < months; n++) {
            int index = start.month() - 1 + n;
            int year = start.year() + index / 12;
            int month = index % 12 + 1;
            int day = Math.min(start.day(), JalaliDate.monthLength(year, month));
            out.add(new Due(n + 1, new JalaliDate(year, month, day).toGregorian(), instalmentRials));
        }
        return out;
    }

    /** How a receipt is shared among open instalments. */
    public record Share(int index, long amountRials) {
    }

    /**
     * Shares {@code amount} over the open amounts in order (oldest first), each taking what it still lacks. A
     * receipt larger than all of them is refused (the ledger never lets one exceed what is outstanding).
     */
    public static List<Share> allocate(long[] open, long amount) {
        List<Share> shares = new ArrayList<>();
        long left = amount;
        for (int i = 0; i < open.length && left > 0; i++) {
            long take = Math.min(open[i], left);
            if (take > 0) {
                shares.add(new Share(i, take));
                left -= take;
            }
        }
        if (left > 0) {
            throw new IllegalArgumentException("the receipt is larger than the open instalments by " + left);
        }
        return shares;
    }
}
