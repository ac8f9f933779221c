package ir.tehran.womenfamily.support.audit;

import java.security.Principal;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The actor of the request being handled, read from its security identity and token. */
@ApplicationScoped
public class CurrentActor {

    /**
     * The service itself inside an {@link AuditContext} (a consumer, a job); else the caller of the current
     * request, or {@link Actor#anonymous()} outside a request or without a token.
     */
    public Actor get() {
        AuditContext.Context context = AuditContext.current();
        if (context != null) {
            return context.actor();
        }
        if (!Arc.container().requestContext().isActive()) {
            return Actor.anonymous();
        }
        try (InstanceHandle<SecurityIdentity> handle = Arc.container().instance(SecurityIdentity.class)) {
            SecurityIdentity identity = handle.isAvailable() ? handle.get() : null;
            if (identity == null || identity.isAnonymous()) {
                return Actor.anonymous();
            }
            Principal principal = identity.getPrincipal();
            String clientId = null;
            if (principal instanceof JsonWebToken jwt) {
                clientId = plain(jwt.getClaim("client_id"));
            }
            return new Actor(principal.getName(), clientId, identity.getRoles());
        }
    }

    /** A string claim may come as a String or as a JSON string value, whose text form is quoted. */
    private static String plain(Object claim) {
        if (claim == null) {
            return null;
        }
        String s = claim.toString();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
