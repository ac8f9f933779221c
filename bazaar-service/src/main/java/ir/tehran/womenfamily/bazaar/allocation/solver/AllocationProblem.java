package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** One bazaar's allocation: venue-days, applicants and their placements, and the weights of the soft goals. */
@PlanningSolution
public class AllocationProblem {

    @ProblemFactCollectionProperty
    private List<VenueDay> venueDays;

    @ProblemFactCollectionProperty
    private List<Applicant> applicants;

    @PlanningEntityCollectionProperty
    private List<Placement> placements;

    private ConstraintWeightOverrides<HardMediumSoftLongScore> constraintWeightOverrides;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public AllocationProblem() {
    }

    public AllocationProblem(List<VenueDay> venueDays, List<Applicant> applicants, List<Placement> placements,
            ConstraintWeightOverrides<HardMediumSoftLongScore> weights) {
        this.venueDays = venueDays;
        this.applicants = applicants;
        this.placements = placements;
        this.constraintWeightOverrides = weights;
    }

    public List<VenueDay> getVenueDays() {
        return venueDays;
    }

    public void setVenueDays(List<VenueDay> venueDays) {
        this.venueDays = venueDays;
    }

    public List<Applicant> getApplicants() {
        return applicants;
    }

    public void setApplicants(List<Applicant> applicants) {
        this.applicants = applicants;
    }

    public List<Placement> getPlacements() {
        return placements;
    }

    public void setPlacements(List<Placement> placements) {
        this.placements = placements;
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftLongScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
