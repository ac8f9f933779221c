package ir.tehran.womenfamily.registry.work.campaign;

import java.util.Arrays;
import java.util.List;

import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.support.jalali.Days;

/** Entities to the API's shapes. */
final class CampaignMapper {

    private CampaignMapper() {
    }

    static CampaignDtos.MentorView mentor(Mentor m, long mentees, boolean withMobile) {
        return new CampaignDtos.MentorView(m.id, m.kind, m.firstName, m.lastName, withMobile ? m.mobile : null,
            categories(m.skills), List.of(m.districts), m.capacity, mentees, Math.max(0, m.capacity - mentees),
            m.active, m.createdAt, Days.jalali(m.createdAt));
    }

    static CampaignDtos.MenteeView mentee(Mentee m, String[] name, List<Milestone> milestones) {
        return new CampaignDtos.MenteeView(m.id, m.personId(), m.beneficiaryId, m.participantId, name[0], name[1],
            m.headsHousehold, m.district, categories(m.interests), m.enrolledAt, Days.jalali(m.enrolledAt),
            m.mentorId, m.matchedAt, Days.jalali(m.matchedAt), m.bazaarEligibleSince != null, m.bazaarEligibleSince,
            Days.jalali(m.bazaarEligibleSince), milestones.stream().map(CampaignMapper::milestone).toList(),
            m.withdrawnAt != null, m.withdrawnAt, m.version);
    }

    static CampaignDtos.MilestoneView milestone(Milestone s) {
        return new CampaignDtos.MilestoneView(s.key.milestone, s.key.milestone.persian(), s.key.milestone.english(),
            s.reachedOn, Days.jalali(s.reachedOn), s.businessId);
    }

    static CampaignDtos.SessionView session(MentoringSession s) {
        return new CampaignDtos.SessionView(s.id, s.menteeId, s.mentorId, s.heldOn, Days.jalali(s.heldOn), s.minutes,
            s.topic, s.recordedBy);
    }

    private static List<Category> categories(String[] codes) {
        return Arrays.stream(codes).map(Category::of).toList();
    }
}
