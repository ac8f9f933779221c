package ir.tehran.womenfamily.sponsorship.talent;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.jalali.DateInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AssessmentDtos {

    /** A score at or above this marks a strength in the view (a reading aid, not a decision). */
    static final int STRENGTH = 85;

    private AssessmentDtos() {
    }

    @Schema(name = "NewAssessment", description = "A talent assessment to record. Give the date in either calendar.")
    public record NewAssessment(
            @Schema(examples = "2024-10-05") @JsonDeserialize(using = DateInput.class) LocalDate assessedOn,
            @NotBlank @Size(max = 200) String assessor,
            @Schema(description = "Scores 0-100 by domain") @NotEmpty
            Map<TalentDomain, Integer> scores,
            @Size(max = 4000) String notes,
            @NotNull Boolean giftedCandidate) {
    }

    @Schema(name = "Assessment")
    public record AssessmentView(UUID id, UUID childId, LocalDate assessedOn, String assessedOnJalali, String assessor,
            Map<TalentDomain, Short> scores, String notes, boolean giftedCandidate,
            @Schema(description = "The domains scored at or above the strength threshold")
            List<TalentDomain> strengths,
            String recordedBy, Instant recordedAt) {

        public static AssessmentView of(Assessment a) {
            List<TalentDomain> strengths = a.scores.entrySet().stream().filter(e -> e.getValue() >= STRENGTH)
                .map(Map.Entry::getKey).sorted().toList();
            return new AssessmentView(a.id, a.childId, a.assessedOn, Days.jalali(a.assessedOn), a.assessor, a.scores,
                a.notes, a.giftedCandidate, strengths, a.recordedBy, a.recordedAt);
        }
    }
}
