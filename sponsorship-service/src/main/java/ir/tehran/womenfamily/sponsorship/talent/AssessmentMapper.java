package ir.tehran.womenfamily.sponsorship.talent;

import ir.tehran.womenfamily.support.jalali.Days;
import java.util.List;
import java.util.Map;


public final class AssessmentMapper {

    /** A score at or above this marks a strength in the view (a reading aid, not a decision). */
    static final int STRENGTH = 85;

    private AssessmentMapper() {
    }

    public static AssessmentDtos.AssessmentView toView(Assessment a) {
        List<TalentDomain> strengths = a.scores.entrySet().stream().filter(e -> e.getValue() >= STRENGTH)
            .map(Map.Entry::getKey).sorted().toList();
        return new AssessmentDtos.AssessmentView(a.id, a.childId, a.assessedOn, Days.jalali(a.assessedOn), a.assessor,
            a.scores, a.notes, a.giftedCandidate, strengths, a.recordedBy, a.recordedAt);
    }
}
