package ir.tehran.womenfamily.support.security;

import java.security.Principal;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of one request, read from its security identity and verified token the first time it is asked for.
 * An anonymous identity is not kept, so a caller asked for before authentication completes is read again after it.
 */
@RequestScoped
class RequestCaller {

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    Caller get() {
        if (caller == null) {
            if (identity == null || identity.isAnonymous()) {
                return Caller.anonymous();
            }
            Principal principal = identity.getPrincipal();
            caller = Claims.caller(principal.getName(), identity.getRoles(),
                principal instanceof JsonWebToken jwt ? jwt : null);
        }
        return caller;
    }
}
