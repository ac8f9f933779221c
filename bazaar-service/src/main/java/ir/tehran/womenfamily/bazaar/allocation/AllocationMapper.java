package ir.tehran.womenfamily.bazaar.allocation;

import java.util.Locale;

import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.Messages;

/** Allocation entities to the API's shapes, in one place. */
public final class AllocationMapper {

    private AllocationMapper() {
    }

    public static AllocationDtos.RunView toView(AllocationRun r, AllocationDtos.Progress progress) {
        return new AllocationDtos.RunView(r.id, r.bazaarId, r.method, r.status, r.seed, r.timeLimitMs, r.basedOn,
            r.score, r.applicants, r.placed, r.waitlisted, r.startedAt, r.finishedAt, progress, r.error);
    }

    public static AllocationDtos.AssignmentView toView(Assignment a, Publication.Shown producer,
            AllocationDtos.Explanation explanation, Locale locale) {
        return new AllocationDtos.AssignmentView(a.id, a.runId, a.bazaarId, a.applicationId, producer.businessId(),
            producer.category(), a.venueId,
            a.day, Days.jalali(a.day), a.stalls, a.preferenceRank == null ? null : (int) a.preferenceRank, a.reason,
            reasonText(a.reason, locale), a.status, explanation);
    }

    public static String reasonText(String reason, Locale locale) {
        return reason == null ? null : Messages.get(locale, "reason." + reason);
    }
}
