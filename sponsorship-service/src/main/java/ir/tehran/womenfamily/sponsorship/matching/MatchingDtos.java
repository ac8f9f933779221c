package ir.tehran.womenfamily.sponsorship.matching;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Gender;
import ir.tehran.womenfamily.sponsorship.pledge.PledgeDtos;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class MatchingDtos {

    private MatchingDtos() {
    }

    @Schema(name = "MatchRequest", description = "One sponsor asking for a child; the sponsor's stored preferences "
        + "apply.")
    public record RunRequest(@NotNull UUID sponsorId, @Valid @NotNull PledgeDtos.Terms terms) {
    }

    @Schema(name = "MatchingRun", description = "Sponsors in the order they are served.")
    public record Run(@NotEmpty @Size(max = 5000) List<@Valid @NotNull RunRequest> requests) {
    }

    @Schema(name = "Candidate", description = "A child matching could offer, and why she comes where she does.")
    public record CandidateView(UUID childId, int age, Gender gender, Short district, boolean atRisk,
            List<String> reasons) {

        static CandidateView of(Matcher.Match m) {
            return new CandidateView(m.child().childId(), m.child().age(), m.child().gender(), m.child().district(),
                m.child().atRisk(), m.reasons());
        }
    }

    @Schema(name = "MatchResult", description = "For one request: the proposal holding the child, or nothing when "
        + "no free child fits the sponsor's preferences.")
    public record Result(int request, UUID sponsorId, UUID pledgeId, UUID childId, List<String> reasons) {
    }

    @Schema(name = "MatchingRunResult")
    public record RunResult(int requested, int matched, long tookMillis, List<Result> results) {
    }
}
