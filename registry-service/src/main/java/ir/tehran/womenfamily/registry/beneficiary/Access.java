package ir.tehran.womenfamily.registry.beneficiary;

import ir.tehran.womenfamily.registry.common.Actor;

/**
 * Object-level access to women's records: an admin sees all; a caseworker sees the women of her
 * districts (token claim {@code districts}) and those she registered herself. Anyone else sees none.
 * Callers answer 404 for a record the actor may not see, so that its existence is not revealed.
 */
public final class Access {

    private Access() {
    }

    public static boolean canSee(Actor actor, Beneficiary b) {
        if (actor.isAdmin()) {
            return true;
        }
        if (actor.is("caseworker")) {
            return (b.district != null && actor.districts().contains(b.district.intValue()))
                || actor.name().equals(b.createdBy);
        }
        return false;
    }

    /** A caseworker may register or move a woman only into her own districts (or leave the district open). */
    public static boolean canPlaceIn(Actor actor, Short district) {
        return actor.isAdmin() || district == null || actor.districts().contains(district.intValue());
    }
}
