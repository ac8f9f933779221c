package ir.tehran.womenfamily.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jboss.logging.Logger;

/**
 * How every service and the gateway turn a bearer token into a caller: smallrye-jwt's own verification
 * (signature, issuer, audience, expiry within the clock skew {@code mp.jwt.verify.clock.skew}, and with
 * {@code smallrye.jwt.time-to-live} an {@code iat} that is present and a lifetime {@code exp - iat} no longer than
 * that maximum), then what smallrye-jwt does not check: a token whose {@code iat} lies further in the future than
 * the same clock skew is refused. Such a token was made by a clock that is wrong, or to outlive the lifetime
 * limit by starting later. Both settings are shared by every verifier (service-support's
 * {@code META-INF/microprofile-config.properties}); docs/security.md, "Tokens".
 *
 * <p>{@code iat} is compared with the wall clock, not the injected {@code Clock}: smallrye-jwt checks {@code exp}
 * against the system clock, and both ends of a token's lifetime must be judged by the same clock.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TokenTimes extends JWTCallerPrincipalFactory {

    private static final Logger LOG = Logger.getLogger(TokenTimes.class);

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (issuedInTheFuture(principal.getIssuedAtTime(), System.currentTimeMillis() / 1000,
                context.getClockSkew())) {
            LOG.debugf("token %s refused: issued at %d, in the future", principal.getTokenID(),
                principal.getIssuedAtTime());
            throw new ParseException("token issued in the future");
        }
        return principal;
    }

    /** Whether {@code iat} (seconds) lies more than {@code skewSeconds} after {@code now} (seconds). */
    public static boolean issuedInTheFuture(long issuedAt, long now, int skewSeconds) {
        return issuedAt > now + Math.max(skewSeconds, 0);
    }
}
