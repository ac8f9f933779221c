package ir.tehran.womenfamily.support.audit;

import java.util.Set;
import java.util.TreeSet;

/**
 * Who acts: the token's subject (the username of staff, the client id of an app), the client the call
 * came through ({@code client_id} claim) and the roles the token carried.
 */
public record Actor(String subject, String clientId, Set<String> roles) {

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** The service itself, for scheduled jobs: {@code system:audit-retention}. */
    public static Actor system(String job) {
        return new Actor("system:" + job, null, Set.of());
    }

    public static Actor anonymous() {
        return new Actor(null, null, Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Roles sorted and comma-joined, the form stored and hashed. */
    public String rolesText() {
        return String.join(",", new TreeSet<>(roles));
    }
}
