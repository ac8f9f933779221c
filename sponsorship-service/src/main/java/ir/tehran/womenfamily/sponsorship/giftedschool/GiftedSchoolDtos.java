package ir.tehran.womenfamily.sponsorship.giftedschool;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.jalali.DateInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class GiftedSchoolDtos {

    private GiftedSchoolDtos() {
    }

    @Schema(name = "NewSchool")
    public record NewSchool(@NotBlank @Size(max = 300) String name, @NotNull School.Kind kind,
            @Min(1) @Max(22) Short district) {
    }

    @Schema(name = "School")
    public record SchoolView(UUID id, String name, School.Kind kind, Short district) {

        public static SchoolView of(School s) {
            return new SchoolView(s.id, s.name, s.kind, s.district);
        }
    }

    @Schema(name = "NewSchoolApplication", description = "An application planned for a gifted candidate. Dates in "
        + "either calendar.")
    public record NewApplication(@NotNull UUID schoolId,
            @Schema(description = "Jalali year the school year starts in", examples = "1404")
            @NotNull @Min(1350) @Max(1500) Integer academicYear,
            @JsonDeserialize(using = DateInput.class) LocalDate applicationDeadline,
            @JsonDeserialize(using = DateInput.class) LocalDate examDate,
            @Schema(description = "Application and exam fee in whole rials")
            @PositiveOrZero Long feeRials) {
    }

    @Schema(name = "SchoolApplicationTransition", description = "Move the application on, with the day it happened.")
    public record Transition(@NotNull SchoolApplication.Status to,
            @JsonDeserialize(using = DateInput.class) LocalDate on) {
    }

    @Schema(name = "SchoolApplication")
    public record ApplicationView(UUID id, UUID childId, SchoolView school, int academicYear,
            LocalDate applicationDeadline, String applicationDeadlineJalali, LocalDate examDate, String examDateJalali,
            long feeRials, @Schema(description = "Disbursed against this application") long feeCoveredRials,
            boolean feeCovered, SchoolApplication.Status status, LocalDate appliedOn, String appliedOnJalali,
            LocalDate examTakenOn, String examTakenOnJalali, LocalDate decidedOn, String decidedOnJalali,
            String recordedBy, Instant createdAt) {

        /** {@code covered}: what the ledger has disbursed towards the fee. */
        public static ApplicationView of(SchoolApplication a, School school, long covered) {
            return new ApplicationView(a.id, a.childId, SchoolView.of(school), a.academicYear,
                a.applicationDeadline, Days.jalali(a.applicationDeadline), a.examDate, Days.jalali(a.examDate),
                a.feeRials, covered, covered >= a.feeRials, a.status, a.appliedOn, Days.jalali(a.appliedOn),
                a.examTakenOn, Days.jalali(a.examTakenOn), a.decidedOn, Days.jalali(a.decidedOn), a.recordedBy,
                a.createdAt);
        }
    }
}
