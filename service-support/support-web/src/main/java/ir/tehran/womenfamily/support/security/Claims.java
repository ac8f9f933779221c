package ir.tehran.womenfamily.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place a token's claims are read. A claim may come in any shape smallrye-jwt or a test gives it: a
 * {@link JsonArray}, a {@link Collection}, a {@link JsonString}, a {@link JsonNumber}, a plain {@link String} or
 * number; a single value stands for a list of one. Nothing here throws on a malformed claim: it binds the caller to
 * nothing (see {@link Caller} for what each claim means).
 */
public final class Claims {

    /** Districts of Tehran: 1..22. */
    static final int MIN_DISTRICT = 1;
    static final int MAX_DISTRICT = 22;

    private Claims() {
    }

    /** The caller a verified token describes; {@code jwt} may be {@code null} (a principal that is not a token). */
    public static Caller caller(String subject, Set<String> roles, JsonWebToken jwt) {
        if (jwt == null) {
            return Caller.of(subject, null, roles);
        }
        return new Caller(subject, text(jwt.getClaim("client_id")), roles, districts(jwt.getClaim("districts")),
            businesses(jwt.getClaim("businesses")), scopes(jwt.getClaim("scope")), uuid(jwt.getClaim("sponsor_id")),
            uuid(jwt.getClaim("beneficiary_id")));
    }

    /** A string claim's text: a JSON string unquoted, a JSON null as {@code null}, anything else as its text. */
    public static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim instanceof JsonValue v && v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String s = claim.toString();
        // a JSON string value held as text keeps its quotes
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * {@code null} for no claim (city-wide); else every entry as a district, or the empty set when any entry is not
     * a whole number from 1 to 22 or the claim is JSON {@code null} (a claim that cannot be read limits her to no
     * district at all).
     */
    static Set<Integer> districts(Object claim) {
        if (claim == null) {
            return null;
        }
        Set<Integer> out = new HashSet<>();
        for (Object v : values(claim)) {
            Integer d = district(v);
            if (d == null) {
                return Set.of();
            }
            out.add(d);
        }
        return out;
    }

    /** The well-formed business ids of the claim; a malformed entry is left out. */
    static Set<UUID> businesses(Object claim) {
        Set<UUID> out = new HashSet<>();
        for (Object v : values(claim)) {
            UUID id = uuid(v);
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    /** The scopes of a space-separated string (OAuth 2.0), or the entries of a list. */
    static Set<String> scopes(Object claim) {
        Set<String> out = new HashSet<>();
        if (isAbsent(claim)) {
            return out;
        }
        List<String> entries = claim instanceof JsonArray || claim instanceof Collection<?>
            ? values(claim).stream().map(Claims::text).toList()
            : List.of(text(claim).split("\\s+"));
        for (String scope : entries) {
            if (scope != null && !scope.isBlank()) {
                out.add(scope.strip());
            }
        }
        return out;
    }

    /** A UUID claim, or {@code null} when absent or malformed. */
    static UUID uuid(Object claim) {
        String s = text(claim);
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer district(Object v) {
        try {
            int d;
            if (v instanceof JsonNumber n) {
                d = n.intValueExact();
            } else if (v instanceof Integer || v instanceof Short || v instanceof Long || v instanceof Byte) {
                d = Math.toIntExact(((Number) v).longValue());
            } else {
                String s = text(v);
                d = Integer.parseInt(s == null ? "" : s.strip());
            }
            return d >= MIN_DISTRICT && d <= MAX_DISTRICT ? d : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isAbsent(Object claim) {
        return claim == null || claim instanceof JsonValue v && v.getValueType() == JsonValue.ValueType.NULL;
    }

    /** The entries of a list claim; a single value is a list of one; no claim, none. */
    private static List<Object> values(Object claim) {
        if (isAbsent(claim)) {
            return List.of();
        }
        if (claim instanceof JsonArray array) {
            return new ArrayList<>(array);
        }
        if (claim instanceof Collection<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(claim);
    }
}
