package ir.tehran.womenfamily.registry.beneficiary;

import ir.tehran.womenfamily.support.security.Caller;

/**
 * Where a caller may place a woman. Whether she may see one is decided by
 * {@link ir.tehran.womenfamily.registry.access.WomanAccess}.
 */
public final class Access {

    private Access() {
    }

    /** A caseworker may register or move a woman only into her own districts (or leave the district open). */
    public static boolean canPlaceIn(Caller actor, Short district) {
        return actor.isAdmin() || district == null || actor.namedDistricts().contains(district.intValue());
    }
}
