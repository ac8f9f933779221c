package ir.tehran.womenfamily.registry.work.placement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for placements, their attendance and their monthly statements. */
public final class PlacementDtos {

    private static final String DAY = "A day, Jalali (1403-07-01, Persian digits too) or ISO (2024-09-22)";

    private PlacementDtos() {
    }

    @Schema(name = "StartPlacement", description = "Her placement in a production unit: a Kowsar centre (centreId) "
        + "or another unit named in unitName.")
    public record StartPlacement(
            @Schema(description = "A Kowsar workshop centre; its name is the unit's name unless unitName is given")
            UUID centreId,
            @Schema(description = "The production unit; required without centreId") @Size(max = 200) String unitName,
            @Schema(description = "The training she completed before the placement", examples = "خیاطی صنعتی")
            @NotBlank @Size(max = 300) String training,
            @Schema(description = DAY) @NotBlank String trainingCompletedOn,
            @Schema(description = "Hours she works per day (1 to 12)") @NotNull @Min(1) @Max(12) Integer hoursPerDay,
            @Schema(description = "Wage per hour worked, integer rials") @NotNull @Min(1) @Max(100_000_000)
            Long hourlyWageRials,
            @Schema(description = "The Prisons Organisation's reference for her, when it gave one")
            @Size(max = 60) String prisonsReference,
            @Schema(description = DAY) @NotBlank String startedOn) {
    }

    @Schema(name = "EndPlacement")
    public record EndPlacement(@Schema(description = DAY) @NotBlank String endedOn,
            @NotNull Placement.EndReason reason) {
    }

    @Schema(name = "AttendanceDay", description = "PRESENT with the hours worked (her hours per day when not "
        + "given); ABSENT and EXCUSED with no hours.")
    public record AttendanceDay(@Schema(description = DAY) @NotBlank String day, @NotNull Attendance.Status status,
            @Min(0) @Max(12) Integer hours) {
    }

    @Schema(name = "RecordAttendance", description = "Up to 62 days, each set as given (recording a day again "
        + "replaces it)")
    public record RecordAttendance(@NotEmpty @Size(max = 62) List<@Valid @NotNull AttendanceDay> days) {
    }

    @Schema(name = "IssueStatement")
    public record IssueStatement(@Schema(description = "The Jalali month", examples = "1403-07") @NotBlank
            String month) {
    }

    @Schema(name = "Placement", description = "A paid placement (sensitive: her caseworker, or an admin by "
        + "break-glass).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlacementView(UUID id, UUID beneficiaryId, UUID centreId, String unitName, String training,
            LocalDate trainingCompletedOn, String trainingCompletedOnJalali, int hoursPerDay, long hourlyWageRials,
            long dailyWageRials, String prisonsReference, LocalDate startedOn, String startedOnJalali,
            LocalDate endedOn, String endedOnJalali, Placement.EndReason endReason, boolean active, Instant createdAt,
            String createdBy, long version) {

        static PlacementView of(Placement p) {
            return new PlacementView(p.id, p.beneficiaryId, p.centreId, p.unitName, p.training, p.trainingCompletedOn,
                Days.jalali(p.trainingCompletedOn), p.hoursPerDay, p.hourlyWageRials, p.wagesFor(p.hoursPerDay),
                p.prisonsReference, p.startedOn, Days.jalali(p.startedOn), p.endedOn, Days.jalali(p.endedOn),
                p.endReason, p.isOpen(), p.createdAt, p.createdBy, p.version);
        }
    }

    @Schema(name = "PlacementAttendance")
    public record AttendanceView(LocalDate day, String dayJalali, Attendance.Status status, int hours) {

        static AttendanceView of(Attendance a) {
            return new AttendanceView(a.day(), Days.jalali(a.day()), a.status, a.hours);
        }
    }

    @Schema(name = "PlacementStatement", description = "A month's attendance, hours and wages; issued or a draft.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatementView(UUID id, UUID placementId, String month, LocalDate firstDay, String firstDayJalali,
            LocalDate lastDay, String lastDayJalali, List<MonthlyStatement.Day> days, int daysPresent, int daysAbsent,
            int daysExcused, int hoursWorked, long wagesRials, boolean issued, Instant issuedAt, String issuedBy) {

        static StatementView draft(Placement p, MonthlyStatement s) {
            return new StatementView(null, p.id, s.month().toString(), s.firstDay(), Days.jalali(s.firstDay()),
                s.lastDay(), Days.jalali(s.lastDay()), s.days(), s.daysPresent(), s.daysAbsent(), s.daysExcused(),
                s.hoursWorked(), s.wagesRials(), false, null, null);
        }

        static StatementView issued(PlacementStatement st) {
            return new StatementView(st.id, st.placementId, st.jalaliMonth, st.firstDay, Days.jalali(st.firstDay),
                st.lastDay, Days.jalali(st.lastDay), st.days(), st.daysPresent, st.daysAbsent, st.daysExcused,
                st.hoursWorked, st.wagesRials, true, st.issuedAt, st.issuedBy);
        }
    }

    /**
     * What the Prisons Organisation receives for one woman and month, as the agreement requires: who she
     * is (to credit her sentence), where she worked, each day's attendance, the hours and the wages. No
     * case notes, no cohort, no address, mobile, household or other programme.
     */
    @Schema(name = "PrisonsAttendanceStatement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgencyStatement(UUID statementId, String month, String nationalCode, String firstName,
            String lastName, String prisonsReference, String unitName, int hoursPerDay, LocalDate firstDay,
            String firstDayJalali, LocalDate lastDay, String lastDayJalali, List<MonthlyStatement.Day> days,
            int daysPresent, int daysAbsent, int daysExcused, int hoursWorked, long wagesRials, Instant issuedAt,
            String issuedOnJalali) {
    }
}
