package ir.tehran.womenfamily.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;

import ir.tehran.womenfamily.registry.common.Actor;
import org.junit.jupiter.api.Test;

/** The rule of {@link WomanAccess}, cell by cell, without a database. */
class WomanAccessRuleTest {

    private static final Actor CASEWORKER_5 = new Actor("cw-5", Set.of("caseworker"), Set.of(5));

    private static Optional<Grant.Basis> basis(Actor caller, Short district, String createdBy, String assignee) {
        return WomanAccess.basis(caller, new WomanAccess.Facts(district, createdBy, assignee));
    }

    @Test
    void aCaseworkerSeesTheWomenOfHerDistricts() {
        assertEquals(Optional.of(Grant.Basis.DISTRICT), basis(CASEWORKER_5, (short) 5, "someone", null));
        assertEquals(Optional.empty(), basis(CASEWORKER_5, (short) 7, "someone", null));
        assertEquals(Optional.empty(), basis(CASEWORKER_5, null, "someone", null));
    }

    @Test
    void aCaseworkerSeesTheWomenSheRegisteredAndThoseAssignedToHer() {
        assertEquals(Optional.of(Grant.Basis.DISTRICT), basis(CASEWORKER_5, (short) 7, "cw-5", null));
        assertEquals(Optional.of(Grant.Basis.ASSIGNED), basis(CASEWORKER_5, (short) 7, "someone", "cw-5"));
        assertEquals(Optional.of(Grant.Basis.DISTRICT), basis(CASEWORKER_5, (short) 5, "someone", "cw-other"));
    }

    @Test
    void anAdminSeesEveryWomanAndOtherRolesNone() {
        Actor admin = new Actor("admin-1", Set.of("admin"), Set.of());
        assertEquals(Optional.of(Grant.Basis.ADMIN), basis(admin, (short) 7, "someone", "cw-5"));
        Actor coordinator = new Actor("coord", Set.of("bazaar-coordinator"), Set.of(5));
        assertEquals(Optional.empty(), basis(coordinator, (short) 5, "coord", "coord"));
    }

    @Test
    void anAssignmentCountsOnlyForACaseworker() {
        Actor adminAndCaseworker = new Actor("both", Set.of("admin", "caseworker"), Set.of());
        assertEquals(Optional.of(Grant.Basis.ASSIGNED), basis(adminAndCaseworker, (short) 7, "x", "both"));
        Actor producer = new Actor("p", Set.of("producer"), Set.of());
        assertEquals(Optional.empty(), basis(producer, (short) 7, "x", "p"));
    }
}
