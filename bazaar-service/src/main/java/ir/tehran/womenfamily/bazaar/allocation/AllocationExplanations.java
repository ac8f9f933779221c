package ir.tehran.womenfamily.bazaar.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Why a run placed or waitlisted an applicant: her score, its breakdown by constraint and the reason, kept as
 * JSON text on the assignment or waitlist entry and read back for the API.
 */
@ApplicationScoped
public class AllocationExplanations {

    @Inject
    ObjectMapper json;

    /** The stored form of one applicant's result with this reason. */
    public String write(AllocationOutcome.ApplicantResult r, String reason) {
        AllocationDtos.Explanation e = new AllocationDtos.Explanation(r.score(),
            r.breakdown().stream().map(p -> new AllocationDtos.Part(p.constraint(), p.score())).toList(), reason);
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public AllocationDtos.Explanation read(String text) {
        try {
            return json.readValue(text, AllocationDtos.Explanation.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
