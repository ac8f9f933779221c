package ir.tehran.womenfamily.sponsorship.programme;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.jalali.DateInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ProgrammeDtos {

    private ProgrammeDtos() {
    }

    @Schema(name = "NewProgramme", description = "A programme. A summer course needs an age range and a number of "
        + "sessions. Dates in either calendar.")
    public record NewProgramme(
            @NotNull Programme.Kind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Min(1) @Max(22) Short district,
            @Min(0) @Max(19) Short minAge,
            @Min(0) @Max(19) Short maxAge,
            @NotNull @Min(1) @Max(10000) Integer capacity,
            @JsonDeserialize(using = DateInput.class) LocalDate startsOn,
            @JsonDeserialize(using = DateInput.class) LocalDate endsOn,
            @Min(1) @Max(500) Short plannedSessions,
            @Schema(description = "Fee per child in whole rials; 0 when free")
            @PositiveOrZero Long feeRials) {
    }

    @Schema(name = "Programme")
    public record ProgrammeView(UUID id, Programme.Kind kind, String title, String description, Short district,
            Short minAge, Short maxAge, int capacity, long enrolled, long waitlisted, long completed,
            LocalDate startsOn, String startsOnJalali, LocalDate endsOn, String endsOnJalali, Short plannedSessions,
            long sessionsHeld, long feeRials, String createdBy, Instant createdAt) {

        public static ProgrammeView of(Programme p, ProgrammeService.Counts c) {
            return new ProgrammeView(p.id, p.kind, p.title, p.description, p.district, p.minAge, p.maxAge,
                p.capacity, c.enrolled(), c.waitlisted(), c.completed(), p.startsOn, Days.jalali(p.startsOn),
                p.endsOn, Days.jalali(p.endsOn), p.plannedSessions, c.sessionsHeld(), p.feeRials, p.createdBy,
                p.createdAt);
        }
    }

    @Schema(name = "EnrolmentRequest")
    public record EnrolmentRequest(@NotNull UUID childId) {
    }

    @Schema(name = "Completion")
    public record Completion(@Size(max = 2000) String outcome) {
    }

    @Schema(name = "Attendance", description = "Who was present and who was absent at a session (enrolment ids).")
    public record AttendanceInput(@NotNull @Size(max = 10000) List<@NotNull UUID> present,
            @NotNull @Size(max = 10000) List<@NotNull UUID> absent) {
    }

    @Schema(name = "Enrolment")
    public record EnrolmentView(UUID id, UUID programmeId, UUID childId, Enrolment.Status status,
            @Schema(description = "1 for the first on the waitlist; null when not waitlisted") Integer waitlistPosition,
            Instant requestedAt, Instant enrolledAt, Instant completedAt, Instant withdrawnAt, String outcome,
            AttendanceView attendance) {

        public static EnrolmentView of(Enrolment e, Integer waitlistPosition, AttendanceView attendance) {
            return new EnrolmentView(e.id, e.programmeId, e.childId, e.status, waitlistPosition, e.requestedAt,
                e.enrolledAt, e.completedAt, e.withdrawnAt, e.outcome, attendance);
        }
    }

    @Schema(name = "EnrolmentAttendance")
    public record AttendanceView(long sessionsHeld, long present, BigDecimal rate) {
    }

    @Schema(name = "NewSession")
    public record NewSession(@JsonDeserialize(using = DateInput.class) LocalDate heldOn,
            @Size(max = 500) String topic) {
    }

    @Schema(name = "Session")
    public record SessionView(UUID id, UUID programmeId, int number, LocalDate heldOn, String heldOnJalali,
            String topic, long present, long absent) {

        /** {@code counts}: present, absent. */
        public static SessionView of(ProgrammeSession s, long[] counts) {
            return new SessionView(s.id, s.programmeId, s.number, s.heldOn, Days.jalali(s.heldOn), s.topic,
                counts[0], counts[1]);
        }
    }
}
