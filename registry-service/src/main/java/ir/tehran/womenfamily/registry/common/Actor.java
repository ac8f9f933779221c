package ir.tehran.womenfamily.registry.common;

import java.util.Set;

/** Who is calling: the token's subject, roles and (for caseworkers) districts. */
public record Actor(String name, Set<String> roles, Set<Integer> districts) {

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return is("admin");
    }
}
