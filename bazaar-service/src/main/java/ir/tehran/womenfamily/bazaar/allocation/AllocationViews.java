package ir.tehran.womenfamily.bazaar.allocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What the API shows of a run's results beyond its own rows: the waitlist with each applicant's business. The API's
 * shape is made from it in one place, {@link AllocationDtos.WaitlistView#of}, once publication consent is known.
 */
@ApplicationScoped
public class AllocationViews {

    @Inject
    AllocationRuns runs;

    @Inject
    AllocationExplanations explanations;

    /** One applicant on a run's waitlist, with her business and the explanation kept with the entry. */
    public record Waiting(UUID applicationId, UUID businessId, long priority, AllocationDtos.Explanation explanation) {
    }

    /** A run's waitlist by priority, each with her business (not yet filtered by publication consent). */
    @Transactional
    public List<Waiting> waitlist(UUID runId) {
        List<WaitlistEntry> entries = runs.waitlist(runId);
        Map<UUID, UUID> business = new HashMap<>();
        if (!entries.isEmpty()) {
            Application.<Application>list("id in ?1", entries.stream().map(e -> e.applicationId).toList())
                .forEach(a -> business.put(a.id, a.businessId));
        }
        return entries.stream().map(e -> new Waiting(e.applicationId, business.get(e.applicationId), e.priority,
            explanations.read(e.explanation))).toList();
    }
}
