package ir.tehran.womenfamily.bazaar.allocation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.application.Application;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** What the API shows of a run's results beyond its own rows: the waitlist with each applicant's business. */
@ApplicationScoped
public class AllocationViews {

    @Inject
    AllocationRuns runs;

    @Inject
    AllocationExplanations explanations;

    /** A run's waitlist by priority, each with her business (not yet filtered by publication consent). */
    @Transactional
    public List<AllocationDtos.WaitlistView> waitlist(UUID runId) {
        List<WaitlistEntry> entries = runs.waitlist(runId);
        Map<UUID, UUID> business = new HashMap<>();
        if (!entries.isEmpty()) {
            Application.<Application>list("id in ?1", entries.stream().map(e -> e.applicationId).toList())
                .forEach(a -> business.put(a.id, a.businessId));
        }
        return entries.stream().map(e -> new AllocationDtos.WaitlistView(e.applicationId, business.get(e.applicationId),
            null, e.priority, explanations.read(e.explanation))).toList();
    }
}
