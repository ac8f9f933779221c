package ir.tehran.womenfamily.bazaar.common;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.ForbiddenException;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What a caller may do in this service, built on who is calling ({@link Callers}, the one model every service
 * shares): staff (admin, bazaar coordinator) pass; a partner app needs the {@code bazaar.read} scope; a producer
 * reaches only what the businesses her token binds her to (claim {@code businesses}) may see.
 */
@RequestScoped
public class BazaarAccess {

    public static final String ADMIN = "admin";
    public static final String COORDINATOR = "bazaar-coordinator";
    public static final String PRODUCER = "producer";
    public static final String PARTNER_APP = "partner-app";
    public static final String READ_SCOPE = "bazaar.read";

    @Inject
    Callers callers;

    @Inject
    EntityManager em;

    public boolean isStaff() {
        Caller caller = callers.current();
        return caller.hasRole(ADMIN) || caller.hasRole(COORDINATOR);
    }

    public boolean isProducer() {
        return callers.current().hasRole(PRODUCER);
    }

    public boolean isPartnerApp() {
        return callers.current().hasRole(PARTNER_APP);
    }

    /** Staff, or a partner app holding the read scope; anyone else gets 403. */
    public void requireStaffOrReader() {
        if (isStaff()) {
            return;
        }
        Caller caller = callers.current();
        if (caller.hasRole(PARTNER_APP) && caller.scopes().contains(READ_SCOPE)) {
            return;
        }
        throw new ForbiddenException();
    }

    /**
     * Whether the caller may read this bazaar beyond the public calendar (its venues, stalls, applications,
     * allocations and sales); 404 when she may not, as when it does not exist, so she learns nothing of it. Staff
     * and a partner app with {@code bazaar.read} pass (403 for anyone else without the role or scope); a producer
     * only for a bazaar she may apply to (open for applications), one her businesses applied to, or one where her
     * businesses hold a stall in the published allocation. The one rule every bazaar read of a producer goes through.
     */
    @Transactional
    public void requireBazaar(UUID bazaarId) {
        if (!isProducer() || isStaff()) {
            requireStaffOrReader();
            return;
        }
        Set<UUID> mine = callers.current().businesses();
        if (mine.isEmpty()) {
            // an empty "in" list is not valid SQL: a business id nobody holds stands for none
            mine = Set.of(new UUID(0, 0));
        }
        // SQL rather than the entities, so that this package imports no feature package (they all import it)
        List<?> seen = em.createNativeQuery("select b.id from bazaar b where b.id = ?1 and (b.status = 'OPEN' "
                + "or exists (select 1 from application a where a.bazaar_id = b.id and a.business_id in (?2)) "
                + "or exists (select 1 from assignment s join allocation_run r on r.id = s.run_id "
                + "and r.status = 'PUBLISHED' where s.bazaar_id = b.id and s.business_id in (?2)))")
            .setParameter(1, bazaarId).setParameter(2, mine).getResultList();
        if (seen.isEmpty()) {
            throw ProblemException.notFound("bazaar", bazaarId);
        }
    }

    /** True when the caller may act for this business: staff, or the producer whose token names it. */
    public boolean actsFor(UUID businessId) {
        return isStaff() || isProducer() && callers.current().businesses().contains(businessId);
    }
}
