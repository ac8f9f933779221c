package ir.tehran.womenfamily.sponsorship.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, beyond the role checks of {@code @RolesAllowed}. */
@RequestScoped
public class Access {

    public static final String ADMIN = "admin";
    public static final String OFFICER = "sponsorship-officer";
    public static final String SPONSOR = "sponsor";
    public static final String PARTNER_APP = "partner-app";
    /** The scope a partner application needs to read the coverage report (aggregates, no person). */
    public static final String COVERAGE_SCOPE = "sponsorship.coverage.read";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The user or client name, recorded as the author of a change. */
    public String user() {
        return identity.getPrincipal().getName();
    }

    public boolean isStaff() {
        return identity.hasRole(ADMIN) || identity.hasRole(OFFICER);
    }

    /** The benefactor a sponsor's token speaks for ({@code sponsor_id}); 403 when the token has none. */
    public UUID sponsorId() {
        String value = text(jwt.getClaim("sponsor_id"));
        if (value == null) {
            throw new ProblemException(403, "forbidden");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(403, "forbidden");
        }
    }

    /** Staff pass; anyone else (a partner application) needs {@code scope} in the token. */
    public void requireStaffOrScope(String scope) {
        if (isStaff()) {
            return;
        }
        Object claim = jwt.getClaim("scope");
        boolean granted;
        if (claim instanceof JsonArray array) {
            granted = array.stream().anyMatch(v -> scope.equals(text(v)));
        } else if (claim instanceof Collection<?> list) {
            granted = list.stream().anyMatch(v -> scope.equals(text(v)));
        } else {
            String s = text(claim);
            granted = s != null && Arrays.asList(s.split("\\s+")).contains(scope);
        }
        if (!granted) {
            throw new ProblemException(403, "forbidden");
        }
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return claim.toString();
    }
}
