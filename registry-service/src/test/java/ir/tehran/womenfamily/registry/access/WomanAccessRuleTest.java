package ir.tehran.womenfamily.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;

import ir.tehran.womenfamily.support.security.Caller;
import org.junit.jupiter.api.Test;

/** The rule of {@link WomanAccess}, cell by cell, without a database. */
class WomanAccessRuleTest {

    private static final Caller CASEWORKER_5 = Caller.of("cw-5", null, Set.of("caseworker")).withDistricts(Set.of(5));

    private static Optional<Grant.Basis> basis(Caller caller, Short district, String createdBy, String assignee) {
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
        Caller admin = Caller.of("admin-1", null, Set.of("admin"));
        assertEquals(Optional.of(Grant.Basis.ADMIN), basis(admin, (short) 7, "someone", "cw-5"));
        Caller coordinator = Caller.of("coord", null, Set.of("bazaar-coordinator")).withDistricts(Set.of(5));
        assertEquals(Optional.empty(), basis(coordinator, (short) 5, "coord", "coord"));
    }

    @Test
    void anAssignmentCountsOnlyForACaseworker() {
        Caller adminAndCaseworker = Caller.of("both", null, Set.of("admin", "caseworker"));
        assertEquals(Optional.of(Grant.Basis.ASSIGNED), basis(adminAndCaseworker, (short) 7, "x", "both"));
        Caller producer = Caller.of("p", null, Set.of("producer"));
        assertEquals(Optional.empty(), basis(producer, (short) 7, "x", "p"));
    }
}
