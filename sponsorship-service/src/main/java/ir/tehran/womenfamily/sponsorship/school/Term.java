package ir.tehran.womenfamily.sponsorship.school;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import ir.tehran.womenfamily.sponsorship.Subject;

/**
 * One term of a report card as figures: its grades and attendance, with the average and the absence rate the
 * report card shows and the at-risk rule ({@code risk.RiskRule}) reads. Here, with the report card, so the
 * rule builds on the school package and not the reverse.
 */
public record Term(int academicYear, int term, Map<Subject, BigDecimal> grades, int schoolDays, int absentDays) {

    public static Term of(TermReport r) {
        return new Term(r.academicYear, r.term, r.grades, r.schoolDays, r.absentDays);
    }

    /** The mean of all grades, two decimals, half up. */
    public BigDecimal average() {
        BigDecimal sum = grades.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(grades.size()), 2, RoundingMode.HALF_UP);
    }

    /** Absent days over school days, four decimals, half up. */
    public BigDecimal absenceRate() {
        return BigDecimal.valueOf(absentDays).divide(BigDecimal.valueOf(schoolDays), 4, RoundingMode.HALF_UP);
    }
}
