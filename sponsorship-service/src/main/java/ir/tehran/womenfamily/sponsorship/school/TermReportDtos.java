package ir.tehran.womenfamily.sponsorship.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import ir.tehran.womenfamily.sponsorship.Subject;

public final class TermReportDtos {

    private TermReportDtos() {
    }

    @Schema(name = "TermReportInput", description = "A report card: grades 0-20 (two decimals at most) by subject, "
        + "the term's attendance, and the school she attended.")
    public record TermReportInput(
            @NotEmpty Map<Subject, BigDecimal> grades,
            @Schema(description = "The school named on the report card", examples = "دبستان دخترانه پروین")
            @Size(max = 200) String schoolName,
            @NotNull @Min(1) @Max(366) Integer schoolDays,
            @NotNull @Min(0) @Max(366) Integer absentDays) {
    }

    @Schema(name = "TermReport")
    public record TermReportView(UUID id, UUID childId, int academicYear, int term, String schoolName,
            Map<Subject, BigDecimal> grades, BigDecimal average, int schoolDays, int absentDays, BigDecimal absenceRate,
            String recordedBy, Instant recordedAt) {

        public static TermReportView of(TermReport r) {
            Term t = Term.of(r);
            return new TermReportView(r.id, r.childId, r.academicYear, r.term, r.schoolName, r.grades, t.average(),
                r.schoolDays, r.absentDays, t.absenceRate(), r.recordedBy, r.recordedAt);
        }
    }
}
