package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.LocalDate;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One applicant on one of the days she can come (the planning entity): the venue she sells at that day,
 * or none. A placement of a published allocation is pinned when re-solving, so only what must move moves.
 */
@PlanningEntity
public class Placement {

    @PlanningId
    private String id;

    private Applicant applicant;

    private LocalDate day;

    /** The venues open on her day: a value outside them is never tried. */
    private List<VenueDay> candidates;

    @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "candidates")
    private VenueDay venueDay;

    @PlanningPin
    private boolean pinned;

    public Placement() {
    }

    public Placement(Applicant applicant, LocalDate day, List<VenueDay> candidates) {
        this.id = applicant.getApplicationId() + "@" + day;
        this.applicant = applicant;
        this.day = day;
        this.candidates = List.copyOf(candidates);
    }

    @ValueRangeProvider(id = "candidates")
    public List<VenueDay> getCandidates() {
        return candidates;
    }

    public void setCandidates(List<VenueDay> candidates) {
        this.candidates = candidates;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Applicant getApplicant() {
        return applicant;
    }

    public void setApplicant(Applicant applicant) {
        this.applicant = applicant;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public VenueDay getVenueDay() {
        return venueDay;
    }

    public void setVenueDay(VenueDay venueDay) {
        this.venueDay = venueDay;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    /** 0 for her first choice, 1 for the second…; -1 when unplaced or not among her choices. */
    public int rank() {
        return venueDay == null ? -1 : applicant.rankOf(venueDay.getVenueId());
    }

    public int stalls() {
        return applicant.getStalls();
    }

    @Override
    public String toString() {
        return id + "->" + venueDay;
    }
}
