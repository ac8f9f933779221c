package ir.tehran.womenfamily.registry.delivered;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.ServiceKind;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for the services delivered to a woman; entities never leave the service. */
public final class DeliveredDtos {

    private static final String DAY = "ISO (2025-10-07) or Jalali (1404-07-15), Latin or Persian digits";

    private DeliveredDtos() {
    }

    @Schema(name = "RecordCounsellingSession", description = "A counselling session held with her (sensitive).")
    public record RecordCounselling(
            @Schema(description = "INDIVIDUAL when not given") CounsellingSession.Mode mode,
            @Schema(description = "The counsellor's name or username", examples = "مشاور رضایی")
            @NotBlank @Size(max = 200) String counsellor,
            @Schema(description = "Where it was held", examples = "یاورشهر ۵") @Size(max = 200) String centre,
            @Schema(description = DAY, implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate heldOn,
            @Schema(description = "How long, in minutes") @Min(1) @Max(600) Integer minutes) {
    }

    @Schema(name = "CounsellingSession", description = "A counselling session held with her (sensitive).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CounsellingView(UUID id,
            @Schema(description = "Which kind of service, for citing it in a change of support level")
            ServiceKind service, Beneficiary.SupportLevel ladderStep, UUID caseId,
            CounsellingSession.Mode mode, String counsellor, String centre, LocalDate heldOn, String heldOnJalali,
            Integer minutes, String recordedBy, Instant recordedAt) {

        static CounsellingView of(CounsellingSession s) {
            return new CounsellingView(s.id, ServiceKind.COUNSELLING, ServiceKind.COUNSELLING.ladderStep(), s.caseId,
                s.mode, s.counsellor, s.centre, s.heldOn, Days.jalali(s.heldOn), s.minutes, s.recordedBy,
                s.recordedAt);
        }
    }

    @Schema(name = "RecordBusinessFacilitation", description = "One thing done to facilitate her business.")
    public record RecordFacilitation(@NotNull BusinessFacilitation.Kind kind,
            @Schema(description = DAY, implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate doneOn,
            @Schema(description = "What was done, in a line", examples = "معرفی به صندوق قرض‌الحسنه")
            @Size(max = 500) String detail) {
    }

    @Schema(name = "BusinessFacilitation", description = "One thing done to facilitate her business.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FacilitationView(UUID id,
            @Schema(description = "Which kind of service, for citing it in a change of support level")
            ServiceKind service, Beneficiary.SupportLevel ladderStep, UUID caseId,
            BusinessFacilitation.Kind kind, LocalDate doneOn, String doneOnJalali, String detail, String recordedBy,
            Instant recordedAt) {

        static FacilitationView of(BusinessFacilitation f) {
            return new FacilitationView(f.id, ServiceKind.BUSINESS_FACILITATION,
                ServiceKind.BUSINESS_FACILITATION.ladderStep(), f.caseId, f.kind, f.doneOn, Days.jalali(f.doneOn),
                f.detail, f.recordedBy, f.recordedAt);
        }
    }

    @Schema(name = "CreateTrainingCourse", description = "A training course the directorate runs.")
    public record CreateCourse(
            @Schema(examples = "خیاطی مقدماتی") @NotBlank @Size(max = 200) String title,
            @Schema(description = "Where it is held", examples = "مرکز کوثر منطقه ۵") @Size(max = 200) String centre,
            @Schema(description = DAY, implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate startsOn,
            @Schema(description = DAY, implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate endsOn,
            @Schema(description = "Its length in hours") @Min(1) @Max(2000) Integer hours) {
    }

    @Schema(name = "TrainingCourse", description = "A training course the directorate runs.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CourseView(UUID id, String title, String centre, LocalDate startsOn, String startsOnJalali,
            LocalDate endsOn, String endsOnJalali, Integer hours, String createdBy, Instant createdAt, long version) {

        static CourseView of(TrainingCourse c) {
            return new CourseView(c.id, c.title, c.centre, c.startsOn, Days.jalali(c.startsOn), c.endsOn,
                Days.jalali(c.endsOn), c.hours, c.createdBy, c.createdAt, c.version);
        }
    }

    @Schema(name = "AddTrainingSession", description = "A session of a training course.")
    public record AddSession(
            @Schema(description = DAY, implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate heldOn,
            @Schema(examples = "الگوسازی") @Size(max = 200) String topic) {
    }

    @Schema(name = "TrainingSession", description = "A session of a training course.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionView(UUID id, UUID courseId, LocalDate heldOn, String heldOnJalali, String topic) {

        static SessionView of(TrainingSession s) {
            return new SessionView(s.id, s.courseId, s.heldOn, Days.jalali(s.heldOn), s.topic);
        }
    }

    @Schema(name = "EnrolInTrainingCourse", description = "Enrols her in a training course.")
    public record Enrol(@NotNull UUID courseId,
            @Schema(description = DAY + "; today when not given", implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate enrolledOn) {
    }

    @Schema(name = "RecordTrainingAttendance", description = "She was present at a session of her course.")
    public record Attend(@NotNull UUID sessionId) {
    }

    @Schema(name = "CompleteTrainingCourse", description = "She completed her course; its certificate.")
    public record Complete(
            @Schema(description = DAY, implementation = String.class)
            @JsonDeserialize(using = DateInput.class) LocalDate completedOn,
            @Schema(description = "The certificate's number, when one was issued", examples = "۱۴۰۴/۱۲۳")
            @Size(max = 60) String certificateNumber) {
    }

    @Schema(name = "TrainingEnrolment", description = "Her enrolment in a training course, its attendance and "
        + "completion.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnrolmentView(UUID id,
            @Schema(description = "Which kind of service, for citing it in a change of support level")
            ServiceKind service, Beneficiary.SupportLevel ladderStep, UUID caseId,
            UUID courseId, String courseTitle, LocalDate enrolledOn, String enrolledOnJalali,
            @Schema(description = "Sessions of the course she was present at") long sessionsAttended,
            @Schema(description = "Sessions the course has") long sessions,
            boolean completed, LocalDate completedOn, String completedOnJalali, String certificateNumber,
            String recordedBy, Instant recordedAt, long version) {

        static EnrolmentView of(TrainingEnrolment e, TrainingCourse c, long attended, long sessions) {
            return new EnrolmentView(e.id, ServiceKind.TRAINING, ServiceKind.TRAINING.ladderStep(), e.caseId,
                e.courseId, c == null ? null : c.title, e.enrolledOn, Days.jalali(e.enrolledOn), attended, sessions,
                e.completedOn != null, e.completedOn, Days.jalali(e.completedOn), e.certificateNumber, e.recordedBy,
                e.recordedAt, e.version);
        }
    }
}
