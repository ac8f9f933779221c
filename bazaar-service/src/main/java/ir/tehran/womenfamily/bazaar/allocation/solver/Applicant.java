package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One application as the solver sees it (a problem fact): what she asked for, and the facts fairness
 * weighs: her past opportunities in the last twelve months, how many of them were good, whether she
 * heads her household, whether an earlier waitlist guaranteed her this bazaar.
 */
public final class Applicant {

    private final UUID applicationId;
    private final UUID businessId;
    private final UUID ownerId;
    private final String category;
    private final Integer homeDistrict;
    private final boolean headsHousehold;
    private final int stalls;
    private final boolean needsPower;
    private final boolean needsCooking;
    private final List<UUID> preferences;
    private final int pastOpportunities;
    private final int pastGoodOpportunities;
    private final boolean guaranteed;
    private final Instant submittedAt;

    public Applicant(UUID applicationId, UUID businessId, UUID ownerId, String category, Integer homeDistrict,
            boolean headsHousehold, int stalls, boolean needsPower, boolean needsCooking, List<UUID> preferences,
            int pastOpportunities, int pastGoodOpportunities, boolean guaranteed, Instant submittedAt) {
        this.applicationId = applicationId;
        this.businessId = businessId;
        this.ownerId = ownerId;
        this.category = category;
        this.homeDistrict = homeDistrict;
        this.headsHousehold = headsHousehold;
        this.stalls = stalls;
        this.needsPower = needsPower || needsCooking;
        this.needsCooking = needsCooking;
        this.preferences = List.copyOf(preferences);
        this.pastOpportunities = pastOpportunities;
        this.pastGoodOpportunities = pastGoodOpportunities;
        this.guaranteed = guaranteed;
        this.submittedAt = submittedAt;
    }

    public UUID getApplicationId() {
        return applicationId;
    }

    public UUID getBusinessId() {
        return businessId;
    }

    public UUID getOwnerId() {
        return ownerId;
    }

    public String getCategory() {
        return category;
    }

    public Integer getHomeDistrict() {
        return homeDistrict;
    }

    public boolean isHeadsHousehold() {
        return headsHousehold;
    }

    public int getStalls() {
        return stalls;
    }

    public boolean isNeedsPower() {
        return needsPower;
    }

    public boolean isNeedsCooking() {
        return needsCooking;
    }

    public List<UUID> getPreferences() {
        return preferences;
    }

    public int getPastOpportunities() {
        return pastOpportunities;
    }

    public int getPastGoodOpportunities() {
        return pastGoodOpportunities;
    }

    public boolean isGuaranteed() {
        return guaranteed;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    /** 0 for her first choice; -1 when the venue is not among her choices. */
    public int rankOf(UUID venueId) {
        return preferences.indexOf(venueId);
    }

    @Override
    public String toString() {
        return "Applicant[" + applicationId + "]";
    }
}
