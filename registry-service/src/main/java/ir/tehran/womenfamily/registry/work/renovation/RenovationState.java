package ir.tehran.womenfamily.registry.work.renovation;

import java.util.Set;

import ir.tehran.womenfamily.registry.centre.WorkshopCentre;

/** A renovation's life: PLANNED → IN_PROGRESS → DONE; a plan not yet begun may be CANCELLED. */
public enum RenovationState {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public Set<RenovationState> next() {
        return switch (this) {
            case PLANNED -> Set.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> Set.of(DONE);
            case DONE, CANCELLED -> Set.of();
        };
    }

    public boolean canMoveTo(RenovationState target) {
        return next().contains(target);
    }

    /** Whether its days are closed to production (every state but CANCELLED; DONE keeps its actual days). */
    public boolean blocksProduction() {
        return this != CANCELLED;
    }

    /** Whether its dates and plan may still change. */
    public boolean editable() {
        return this == PLANNED || this == IN_PROGRESS;
    }

    /** The summary the centre's own record shows. */
    public WorkshopCentre.Renovation centreState() {
        return switch (this) {
            case PLANNED -> WorkshopCentre.Renovation.PLANNED;
            case IN_PROGRESS -> WorkshopCentre.Renovation.IN_PROGRESS;
            case DONE -> WorkshopCentre.Renovation.DONE;
            case CANCELLED -> WorkshopCentre.Renovation.NOT_PLANNED;
        };
    }
}
