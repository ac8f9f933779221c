package ir.tehran.womenfamily.support.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who is calling: the one model every service, the gateway and the audit log use. Built once per request by
 * {@link Callers#current()} from the verified token (claims read by {@link Claims}), or made for work no request
 * asked for ({@link #system(String)}) and for nobody ({@link #anonymous()}). What a caller may do is each service's
 * policy, built on these facts.
 *
 * @param subject the token's subject (the username of staff, the client id of an app), {@code system:<job>} for the
 *     service itself, {@code null} for nobody
 * @param clientId the client the call came through (claim {@code client_id}), or {@code null}
 * @param roles the roles the token carried (claim {@code groups})
 * @param districts the districts the token limits her to (claim {@code districts}); {@code null} when the token has
 *     no such claim, which means city-wide; empty when the claim cannot be read (any entry malformed or outside
 *     1..22), which binds her to no district
 * @param businesses the registry businesses a producer's token binds her to (claim {@code businesses}); a malformed
 *     entry binds her to nothing
 * @param scopes the scopes granted to a client (claim {@code scope}, space-separated or a list)
 * @param sponsorId the benefactor a sponsor's token speaks for (claim {@code sponsor_id}); {@code null} when absent
 *     or malformed
 * @param beneficiaryId the registry's woman a woman's token speaks for (claim {@code beneficiary_id}, role
 *     {@code woman}); {@code null} when absent (she is not in the register) or malformed
 */
public record Caller(String subject, String clientId, Set<String> roles, Set<Integer> districts,
        Set<UUID> businesses, Set<String> scopes, UUID sponsorId, UUID beneficiaryId) {

    public static final String ADMIN = "admin";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        districts = districts == null ? null : Set.copyOf(districts);
        businesses = businesses == null ? Set.of() : Set.copyOf(businesses);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A caller with roles and no limiting claim (city-wide, no business, no scope, no sponsor). */
    public static Caller of(String subject, String clientId, Set<String> roles) {
        return new Caller(subject, clientId, roles, null, null, null, null, null);
    }

    /** The service itself, for scheduled jobs and consumers: {@code system:audit-retention}. */
    public static Caller system(String job) {
        return of("system:" + job, null, Set.of());
    }

    /** Nobody: outside a request, or a request without a token. */
    public static Caller anonymous() {
        return of(null, null, Set.of());
    }

    /** The same caller limited to {@code districts} ({@code null}: city-wide). */
    public Caller withDistricts(Set<Integer> districts) {
        return new Caller(subject, clientId, roles, districts, businesses, scopes, sponsorId, beneficiaryId);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    /** Whether the token limits her to no district: it carries no {@code districts} claim. */
    public boolean cityWide() {
        return districts == null;
    }

    /** The districts the token names; empty when it names none (no claim, or one that cannot be read). */
    public Set<Integer> namedDistricts() {
        return districts == null ? Set.of() : districts;
    }

    /** Roles sorted and comma-joined, the form the audit log stores and hashes. */
    public String rolesText() {
        return String.join(",", new TreeSet<>(roles));
    }
}
