package ir.tehran.womenfamily.bazaar.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isStaff() {
        return identity.hasRole(ADMIN) || identity.hasRole(COORDINATOR);
    }

    public boolean isProducer() {
        return identity.hasRole(PRODUCER);
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
