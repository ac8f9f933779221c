package ir.tehran.womenfamily.bazaar.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as far as this service cares: staff roles, the businesses a producer's token binds her
 * to (claim {@code businesses}), and a partner app's scopes (claim {@code scope}).
 */
@RequestScoped
public class Caller {

    public static final String ADMIN = "admin";
    public static final String COORDINATOR = "bazaar-coordinator";
    public static final String PRODUCER = "producer";
    public static final String PARTNER_APP = "partner-app";
    public static final String READ_SCOPE = "bazaar.read";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    EntityManager em;

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isStaff() {
        return identity.hasRole(ADMIN) || identity.hasRole(COORDINATOR);
    }

    public boolean isProducer() {
        return identity.hasRole(PRODUCER);
    }

    public boolean isPartnerApp() {
        return identity.hasRole(PARTNER_APP);
    }

    /** Staff, or a partner app holding the read scope; anyone else gets 403. */
    public void requireStaffOrReader() {
        if (isStaff()) {
            return;
        }
        if (identity.hasRole(PARTNER_APP) && scopes().contains(READ_SCOPE)) {
            return;
        }
        throw new ForbiddenException();
    }

    /** The businesses a producer's token names; empty for anyone else. */
    public Set<UUID> businesses() {
        Set<UUID> out = new HashSet<>();
        Object claim = jwt == null ? null : jwt.getClaim("businesses");
        if (claim instanceof Collection<?> values) {
            for (Object v : values) {
                parse(String.valueOf(v).replace("\"", ""), out);
            }
        } else if (claim instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> parse(v.toString().replace("\"", ""), out));
        }
        return out;
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
        Set<UUID> mine = businesses();
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
        return isStaff() || isProducer() && businesses().contains(businessId);
    }

    public Set<String> scopes() {
        Object scope = jwt == null ? null : jwt.getClaim("scope");
        if (scope == null) {
            return Set.of();
        }
        String text = scope instanceof jakarta.json.JsonString s ? s.getString() : scope.toString();
        return new HashSet<>(Arrays.asList(text.strip().split("\\s+")));
    }

    private static void parse(String text, Set<UUID> out) {
        try {
            out.add(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException ignored) {
            // a malformed id in the claim binds her to nothing
        }
    }
}
