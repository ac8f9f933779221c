package ir.tehran.womenfamily.bazaar.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.problem.Messages;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for allocations. */
public final class AllocationDtos {

    private AllocationDtos() {
    }

    @Schema(name = "StartAllocation", description = "Start an allocation in the background. All fields optional.")
    public record Start(
            @Schema(description = "SOLVER (default) or GREEDY, the first-come baseline") AllocationRun.Method method,
            @Schema(description = "Random seed; the same seed and move limit give the same result") Long seed,
            @Min(1) @Max(3600) Integer timeLimitSeconds,
            @Schema(description = "Stop after this many moves (makes a run reproducible on any machine)")
            @Min(1) Long moveLimit) {
    }

    @Schema(name = "AllocationRun")
    public record RunView(UUID id, UUID bazaarId, AllocationRun.Method method, AllocationRun.Status status, long seed,
            long timeLimitMs, UUID basedOn, String score, Integer applicants, Integer placed, Integer waitlisted,
            Instant startedAt, Instant finishedAt, Progress progress, String error) {

        /** {@code progress}: the live progress of a run being solved; null otherwise. */
        public static RunView of(AllocationRun r, Progress progress) {
            return new RunView(r.id, r.bazaarId, r.method, r.status, r.seed, r.timeLimitMs, r.basedOn, r.score,
                r.applicants, r.placed, r.waitlisted, r.startedAt, r.finishedAt, progress, r.error);
        }
    }

    @Schema(name = "AllocationProgress", description = "While solving: the best score so far and the share of "
        + "the time limit spent.")
    public record Progress(String bestScore, long millisSpent, int percentOfTimeLimit, int improvements) {
    }

    @Schema(name = "Assignment")
    public record AssignmentView(UUID id, UUID runId, UUID bazaarId, UUID applicationId,
            @Schema(description = Publication.BUSINESS_ID) UUID businessId,
            @Schema(description = Publication.PRODUCER_CATEGORY) String producerCategory,
            UUID venueId, LocalDate day, String dayJalali, int stalls, Integer preferenceRank, String reason,
            String reasonText, Assignment.Status status, Explanation explanation) {

        /** {@code producer}: the business as the caller may see it; the reason is told in {@code locale}. */
        public static AssignmentView of(Assignment a, Publication.Shown producer, Explanation explanation,
                Locale locale) {
            return new AssignmentView(a.id, a.runId, a.bazaarId, a.applicationId, producer.businessId(),
                producer.category(), a.venueId, a.day, Days.jalali(a.day), a.stalls,
                a.preferenceRank == null ? null : (int) a.preferenceRank, a.reason,
                a.reason == null ? null : Messages.get(locale, "reason." + a.reason), a.status, explanation);
        }
    }

    @Schema(name = "WaitlistEntry")
    public record WaitlistView(UUID applicationId, @Schema(description = Publication.BUSINESS_ID) UUID businessId,
            @Schema(description = Publication.PRODUCER_CATEGORY) String producerCategory, long priority,
            Explanation explanation) {

        /** {@code producer}: her business as the caller may see it ({@link Publication} decides). */
        public static WaitlistView of(AllocationViews.Waiting w, Publication.Shown producer) {
            return new WaitlistView(w.applicationId(), producer.businessId(), producer.category(), w.priority(),
                w.explanation());
        }
    }

    @Schema(name = "AllocationExplanation", description = "Her share of the score, constraint by constraint, and why "
        + "she is not at her first choice or on the waitlist.")
    public record Explanation(String score, List<Part> constraints, String reason) {
    }

    @Schema(name = "ScorePart")
    public record Part(String constraint, String score) {
    }
}
