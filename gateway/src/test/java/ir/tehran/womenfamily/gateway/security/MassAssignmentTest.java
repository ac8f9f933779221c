package ir.tehran.womenfamily.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.gateway.token.Identities;
import ir.tehran.womenfamily.gateway.token.Passwords;
import ir.tehran.womenfamily.gateway.token.Roles;
import ir.tehran.womenfamily.localstack.MassAssignment;
import ir.tehran.womenfamily.localstack.MassAssignment.Call;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Mass assignment (OWASP API3) at the gateway: no write operation lets a client set what the gateway owns or
 * derives — an account's state ({@code active}, {@code mustChangePassword}, {@code lockedUntil}), her roles and
 * limiting claims outside {@code access}, a password, a hash or a client secret of the client's choosing, whose
 * password a change is for, or a claim of the token it is issued.
 * <ul>
 * <li>Every JSON write operation of the gateway's own OpenAPI document, by {@link MassAssignment} as in the
 * services: the request shape names no server-owned field, and each operation is called live once per
 * server-owned, derived or answer-only field, which neither the answer nor the record read back may carry (a 400
 * from the strict reader passes).</li>
 * <li>Credentials and identity, which no record read back shows: a password, a hash or a secret sent with a
 * create does not become hers or its; a {@code username} sent with a password change does not change another
 * person's password.</li>
 * <li>The token endpoint (a form, not JSON): parameters naming claims ({@code groups}, {@code districts},
 * {@code sub}, {@code aud}, {@code exp}...) are refused or change nothing in the token issued.</li>
 * </ul>
 */
@QuarkusTest
class MassAssignmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "first-password-of-hers";

    /** What only the gateway sets on a person or a client. */
    private static final Set<String> SERVER_OWNED;

    static {
        Set<String> s = new HashSet<>(MassAssignment.COMMON_SERVER_OWNED);
        s.addAll(Set.of("active", "mustChangePassword", "lockedUntil", "revokedAt", "secrets", "secretId",
            "password", "passwordHash", "clientSecret", "secretHash", "failedAttempts", "lastLoginAt"));
        SERVER_OWNED = Set.copyOf(s);
    }

    /** What the gateway takes from elsewhere (the path, the token, {@code access}) when a request does not name it. */
    private static final Set<String> DERIVED = Set.of("username", "clientId", "roles", "districts", "businesses",
        "sponsorId", "scopes", "subject");

    /** Values the generic choice cannot make: each differs from what the fixtures' records hold. */
    private static final Map<String, Object> VALUES = Map.of(
        "active", false,
        "mustChangePassword", false,
        "roles", List.of("admin"),
        "districts", List.of(21),
        "businesses", List.of("00000000-0000-4000-8000-00000000dead"),
        "scopes", List.of("registry.basic.read", "sponsorship.coverage.read"),
        "secrets", List.of());

    /** No operation here exists to move a server-owned field. */
    private static final Map<String, Set<String>> ALLOWED = Map.of();

    /** JSON write operations not yet called with a fixture: still covered by the request-shape check. */
    private static final Set<String> NO_FIXTURE_YET = Set.of();

    @Inject
    Identities identities;

    @Inject
    Passwords passwords;

    @TestHTTPResource("/")
    URL root;

    private static String admin() {
        return TestTokens.forRoles("admin-mass", "admin");
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON);
    }

    private static String newName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A person made by an admin (she must change her password; her account is active). */
    private static String personByAdmin() {
        String name = newName("mass");
        asAdmin().body(Map.of("username", name, "access", Map.of("roles", List.of("caseworker"), "districts",
            List.of(5)))).post("/admin/users").then().statusCode(201);
        return name;
    }

    /** A producer with a password of her own ({@link #FIRST}). */
    private String personWithPassword() {
        String name = newName("mass-producer");
        identities.createUserIfAbsent(new Identities.NewUser(name, FIRST, List.of(Roles.PRODUCER), null,
            List.of(UUID.randomUUID().toString()), null));
        return name;
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
            .formParam("username", username).formParam("password", password).post("/oauth2/token");
    }

    private Map<String, Supplier<Call>> fixtures() {
        Map<String, Supplier<Call>> f = new LinkedHashMap<>();
        f.put("POST /admin/users", () -> new Call(admin(), "/admin/users", "{\"username\":\"" + newName("mass")
            + "\",\"access\":{\"roles\":[\"caseworker\"],\"districts\":[5]}}", null, "location"));
        f.put("PUT /admin/users/{username}/access", () -> {
            String name = personByAdmin();
            return new Call(admin(), "/admin/users/" + name + "/access",
                "{\"roles\":[\"caseworker\"],\"districts\":[5,12]}", null, "/admin/users/" + name);
        });
        f.put("POST /admin/clients", () -> new Call(admin(), "/admin/clients", "{\"clientId\":\"" + newName("mass")
            + "\",\"name\":\"برنامهٔ همکار\",\"roles\":[\"partner-app\"],\"scopes\":[\"bazaar.read\"]}", null,
            "location"));
        f.put("PUT /admin/clients/{clientId}/sign-in", () -> {
            String id = newName("mass");
            identities.createClientIfAbsent(id, "برنامهٔ همراه", null, List.of("partner-app"), List.of());
            return new Call(admin(), "/admin/clients/" + id + "/sign-in",
                "{\"trusted\":false,\"redirectUris\":[\"ir.tehran.women://callback\"]}", null, "/admin/clients/" + id);
        });
        f.put("POST /account/password", () -> {
            String name = personWithPassword();
            String token = login(name, FIRST).then().statusCode(200).extract().path("access_token");
            return new Call(token, "/account/password", "{\"currentPassword\":\"" + FIRST + "\",\"newPassword\":\""
                + "her-own-" + UUID.randomUUID() + "\"}", null, null);
        });
        return f;
    }

    @Test
    void noJsonWriteOperationLetsAClientSetWhatTheGatewayOwns() throws Exception {
        List<String> failures = new MassAssignment(root.toURI(), SERVER_OWNED, DERIVED, ALLOWED, fixtures(),
            NO_FIXTURE_YET, VALUES).verify();
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    @Test
    void aPasswordOrHashSentWithANewPersonIsNotHers() throws Exception {
        String chosen = "chosen-by-the-caller-" + UUID.randomUUID().toString().substring(0, 8);
        String hash = passwords.hash(chosen);
        for (Map.Entry<String, Object> field : Map.<String, Object>of("password", chosen, "passwordHash", hash,
                "firstPassword", chosen).entrySet()) {
            String name = newName("mass");
            ObjectNode body = JSON.createObjectNode().put("username", name);
            body.set("access", JSON.valueToTree(Map.of("roles", List.of("caseworker"), "districts", List.of(5))));
            body.set(field.getKey(), JSON.valueToTree(field.getValue()));
            int status = asAdmin().body(body.toString()).post("/admin/users").then().extract().statusCode();
            assertTrue(status == 400 || status == 201, field.getKey() + ": " + status);
            if (status == 201) {
                assertEquals(400, login(name, chosen).statusCode(), field.getKey() + " became her password");
            }
        }
    }

    @Test
    void aSecretSentWithANewClientIsNotItsSecret() {
        String chosen = "chosen-secret-" + UUID.randomUUID();
        for (String field : List.of("clientSecret", "secret", "client_secret")) {
            String id = newName("mass");
            ObjectNode body = JSON.createObjectNode().put("clientId", id).put("name", "برنامه")
                .put(field, chosen);
            body.set("roles", JSON.valueToTree(List.of("partner-app")));
            body.set("scopes", JSON.valueToTree(List.of("bazaar.read")));
            int status = asAdmin().body(body.toString()).post("/admin/clients").then().extract().statusCode();
            assertTrue(status == 400 || status == 201, field + ": " + status);
            if (status == 201) {
                given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                    .formParam("client_id", id).formParam("client_secret", chosen).post("/oauth2/token").then()
                    .statusCode(401);
            }
        }
    }

    @Test
    void aUsernameSentWithAPasswordChangeDoesNotChangeAnotherPersonsPassword() {
        String her = personWithPassword();
        String other = personWithPassword();
        String token = login(her, FIRST).then().statusCode(200).extract().path("access_token");
        String next = "her-own-" + UUID.randomUUID();
        for (String field : List.of("username", "subject", "user")) {
            ObjectNode body = JSON.createObjectNode().put("currentPassword", FIRST).put("newPassword", next)
                .put(field, other);
            int status = given().auth().oauth2(token).contentType(ContentType.JSON).body(body.toString())
                .post("/account/password").then().extract().statusCode();
            assertTrue(status == 400 || status == 204, field + ": " + status);
            // the other's password is unchanged whatever the answer
            assertEquals(200, login(other, FIRST).statusCode(), field + " changed another person's password");
            assertEquals(400, login(other, next).statusCode(), field + " changed another person's password");
            if (status == 204) {
                return; // her own password changed; the first password no longer signs her in
            }
        }
    }

    @Test
    void formParametersNamingClaimsChangeNothingInTheTokenIssued() {
        String name = personWithPassword();
        String clientId = newName("mass-client");
        String secret = "secret-" + UUID.randomUUID();
        identities.createClientIfAbsent(clientId, "برنامهٔ آزمون", secret, List.of("partner-app"),
            List.of("bazaar.read"));
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("groups", "admin");
        extra.put("roles", "admin");
        extra.put("districts", "21");
        extra.put("businesses", "00000000-0000-4000-8000-00000000dead");
        extra.put("sponsor_id", "injected");
        extra.put("sub", "admin");
        extra.put("aud", "another-audience");
        extra.put("iss", "https://attacker.example");
        extra.put("exp", "4102444800");
        extra.put("iat", "4102444800");
        extra.put("jti", "injected");
        extra.put("password_change_required", "false");
        extra.put("scope", "sponsorship.coverage.read");

        Map<String, String> password = Map.of("grant_type", "password", "username", name, "password", FIRST);
        Map<String, String> client = Map.of("grant_type", "client_credentials", "client_id", clientId,
            "client_secret", secret);
        List<String> failures = new ArrayList<>();
        for (Map<String, String> grant : List.of(password, client)) {
            Map<String, JsonNode> plain = claims(token(grant, Map.of()));
            for (Map.Entry<String, String> p : extra.entrySet()) {
                Response r = token(grant, Map.of(p.getKey(), p.getValue()));
                if (r.statusCode() == 400) {
                    continue; // refused: an RFC 6749 error, nothing issued
                }
                if (r.statusCode() != 200) {
                    failures.add(grant.get("grant_type") + " + " + p.getKey() + ": " + r.statusCode());
                    continue;
                }
                Map<String, JsonNode> got = claims(r);
                if (!got.equals(plain)) {
                    failures.add(grant.get("grant_type") + " + " + p.getKey() + "=" + p.getValue()
                        + " changed the token: " + got + " vs " + plain);
                }
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    private static Response token(Map<String, String> grant, Map<String, String> extra) {
        RequestSpecification request = given().contentType(ContentType.URLENC);
        grant.forEach(request::formParam);
        extra.forEach(request::formParam);
        return request.post("/oauth2/token");
    }

    /** The token's claims, less those that differ between any two tokens (its id and times). */
    private static Map<String, JsonNode> claims(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        String jwt = r.path("access_token");
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
            Map<String, JsonNode> claims = new TreeMap<>();
            payload.fields().forEachRemaining(e -> claims.put(e.getKey(), e.getValue()));
            List.of("jti", "iat", "exp", "nbf", "auth_time").forEach(claims::remove);
            return claims;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
