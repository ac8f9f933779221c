package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.taxonomy.Category;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for the campaign «کار تو خونمونه». */
public final class CampaignDtos {

    private static final String DAY = "A day, Jalali (1403-07-01, Persian digits too) or ISO (2024-09-22)";

    private CampaignDtos() {
    }

    @Schema(name = "AddMentor")
    public record AddMentor(@NotNull Mentor.Kind kind, @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName, @Size(max = 30) String mobile,
            @Schema(description = "Category codes she teaches") @NotEmpty @Size(max = 15)
            List<@NotNull Category> skills,
            @Schema(description = "Municipal districts (1-22) she works in") @NotEmpty @Size(max = 22)
            List<@NotNull @Min(1) @Max(22) Integer> districts,
            @Schema(description = "How many mentees she follows at once") @NotNull @Min(1) @Max(100) Integer capacity) {
    }

    @Schema(name = "EnrolMentee", description = "Exactly one person: a registered woman (beneficiaryId) or a campaign "
        + "participant (participantId, from POST /campaign-participants).")
    public record EnrolMentee(UUID beneficiaryId, UUID participantId,
            @Schema(description = "Her district; her record's district when not given") @Min(1) @Max(22)
            Short district,
            @Schema(description = "Category codes she wants to work in") @Size(max = 15)
            List<@NotNull Category> interests) {
    }

    @Schema(name = "RecordSession")
    public record RecordSession(@Schema(description = DAY) @NotBlank String heldOn,
            @NotNull @Min(5) @Max(600) Integer minutes, @NotBlank @Size(max = 500) String topic) {
    }

    @Schema(name = "RecordMilestone", description = "businessId is required for REGISTERED_BUSINESS, and only there")
    public record RecordMilestone(@NotNull Milestone.Kind milestone, @Schema(description = DAY) @NotBlank
            String reachedOn, UUID businessId) {
    }

    @Schema(name = "Mentor")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MentorView(UUID id, Mentor.Kind kind, String firstName, String lastName, String mobile,
            List<Category> skills, List<Integer> districts, int capacity, long mentees, long free, boolean active,
            Instant createdAt, String createdOnJalali) {

        /** {@code mentees}: how many she follows now; her mobile only {@code withMobile}. */
        static MentorView of(Mentor m, long mentees, boolean withMobile) {
            return new MentorView(m.id, m.kind, m.firstName, m.lastName, withMobile ? m.mobile : null,
                categories(m.skills), List.of(m.districts), m.capacity, mentees, Math.max(0, m.capacity - mentees),
                m.active, m.createdAt, Days.jalali(m.createdAt));
        }
    }

    @Schema(name = "MilestoneReached")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MilestoneView(Milestone.Kind milestone, String nameFa, String nameEn, LocalDate reachedOn,
            String reachedOnJalali, UUID businessId) {

        static MilestoneView of(Milestone s) {
            return new MilestoneView(s.key.milestone, s.key.milestone.persian(), s.key.milestone.english(),
                s.reachedOn, Days.jalali(s.reachedOn), s.businessId);
        }
    }

    @Schema(name = "Mentee")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MenteeView(UUID id, UUID personId, UUID beneficiaryId, UUID participantId, String firstName,
            String lastName, boolean headsHousehold, int district, List<Category> interests, Instant enrolledAt,
            String enrolledOnJalali, UUID mentorId, Instant matchedAt, String matchedOnJalali, boolean bazaarEligible,
            LocalDate bazaarEligibleSince, String bazaarEligibleSinceJalali, List<MilestoneView> milestones,
            boolean withdrawn, Instant withdrawnAt, long version) {

        /** {@code name}: her first and last name, from her register (either may be null). */
        static MenteeView of(Mentee m, String[] name, List<Milestone> milestones) {
            return new MenteeView(m.id, m.personId(), m.beneficiaryId, m.participantId, name[0], name[1],
                m.headsHousehold, m.district, categories(m.interests), m.enrolledAt, Days.jalali(m.enrolledAt),
                m.mentorId, m.matchedAt, Days.jalali(m.matchedAt), m.bazaarEligibleSince != null,
                m.bazaarEligibleSince, Days.jalali(m.bazaarEligibleSince),
                milestones.stream().map(MilestoneView::of).toList(), m.withdrawnAt != null, m.withdrawnAt,
                m.version);
        }
    }

    @Schema(name = "MentoringSession")
    public record SessionView(UUID id, UUID menteeId, UUID mentorId, LocalDate heldOn, String heldOnJalali,
            int minutes, String topic, String recordedBy) {

        static SessionView of(MentoringSession s) {
            return new SessionView(s.id, s.menteeId, s.mentorId, s.heldOn, Days.jalali(s.heldOn), s.minutes, s.topic,
                s.recordedBy);
        }
    }

    @Schema(name = "MatchingResult", description = "The pairs made by this run, in the order mentees were served")
    public record MatchingResult(List<Matching.Pair> matched, long stillWaiting, long stillWaitingHeadsHousehold) {
    }

    private static List<Category> categories(String[] codes) {
        return Arrays.stream(codes).map(Category::of).toList();
    }
}
