package ir.tehran.womenfamily.registry.common;

import java.util.HashSet;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The current caller, read once per request from the verified token. */
@RequestScoped
public class Actors {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    public Actor current() {
        Set<Integer> districts = new HashSet<>();
        Object claim = jwt.getClaim("districts");
        if (claim instanceof Iterable<?> values) {
            for (Object v : values) {
                districts.add(Integer.parseInt(v.toString().replaceAll("[^0-9]", "")));
            }
        }
        String name = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        return new Actor(name, identity.getRoles(), districts);
    }
}
