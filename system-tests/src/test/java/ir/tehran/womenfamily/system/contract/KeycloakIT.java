package ir.tehran.womenfamily.system.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.FreePorts;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.ParentWatchdog;
import ir.tehran.womenfamily.localstack.PostgresServer;
import ir.tehran.womenfamily.localstack.SecurityMatrix;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.system.OwnStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documented swap of the gateway's own issuer for an existing identity provider (docs/security-gateway.md,
 * "Swapping the issuer for Keycloak"), with a real Keycloak ({@link KeycloakServer}: the distribution from Maven
 * Central, the committed realm {@code src/test/resources/keycloak/realm.json}) and a system of its own whose gateway
 * runs with {@code gateway.token.enabled=false} and whose every process trusts only Keycloak's issuer and key set,
 * configured as the document tells an operator to. Shown: the PKCE sign-in of the realm's public app through
 * Keycloak's page in a real browser (contract/keycloak-signin.mjs, Debian's chromium as in {@link PkceSignInIT};
 * only that test is skipped, saying so, without chromium) ending in a token that the gateway and a service accept;
 * a sample of docs/security-matrix.md (rows of every service and of the gateway, every role, allowed and refused,
 * scopes of clients) holding with Keycloak's tokens; the gateway's issuer endpoints gone and its own key no longer
 * trusted.
 */
@OwnStack
class KeycloakIT {

    /** The sample of the matrix: rows of each service and of the gateway, people's own records, clients' scopes. */
    private static final List<String> SAMPLE = List.of(
        "GET /api/registry/beneficiaries",
        "POST /api/registry/dci/registry/sync/search",
        "GET /api/bazaar/bazaars",
        "GET /api/bazaar/applications/mine",
        "GET /api/sponsorship/coverage",
        "GET /api/sponsorship/me/sponsorships",
        "GET /audit");

    private static final Map<String, String> CLIENTS = Map.of("partner-app", "it-partner-app", "agency", "it-agency");

    private static final List<String> SCOPES = List.of("registry.basic.read", "registry.referrals",
        "dci.registry.search", "bazaar.read", "sponsorship.coverage.read");

    private static LocalStack stack;
    private static KeycloakServer keycloak;
    private static PostgresServer idpDatabase;
    private static CompletableFuture<Void> idp;
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final String CLIENT_SECRET = UUID.randomUUID().toString();
    private static final Map<String, String> TOKENS = new HashMap<>();

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path data = Path.of("target/keycloak-stack").toAbsolutePath();
        Path idpData = Path.of("target/keycloak-run").toAbsolutePath();
        ParentWatchdog watchdog = ParentWatchdog.get(data);
        keycloak = new KeycloakServer(FreePorts.allocate(1)[0], idpData.resolve("keycloak.log"), watchdog);
        // Keycloak (its build step, its own embedded PostgreSQL, its start) comes up while the system does: each
        // takes minutes on a loaded machine, and neither needs the other until the first token is verified
        idp = CompletableFuture.runAsync(() -> {
            keycloak.build();
            idpDatabase = PostgresServer.start(idpData.resolve("postgres"), true, false, watchdog);
            idpDatabase.ensureDatabase("keycloak");
            keycloak.start(idpDatabase, "keycloak");
        });
        LocalStack.Options base = LocalStack.Options.forTests(root, data);
        // the operator's settings (docs/security-gateway.md), for every service and the gateway alike
        Map<String, String> config = new HashMap<>();
        config.put("gateway.token.enabled", "false");
        config.put("mp.jwt.verify.issuer", keycloak.issuer());
        config.put("mp.jwt.verify.publickey.location", keycloak.jwks());
        config.put("mp.jwt.verify.audiences", "women-family-api");
        stack = new LocalStack(new LocalStack.Options(base.projectRoot(), base.dataDir(), base.fresh(),
            base.durable(), base.gatewayPort(), base.servicePorts(), config));
        stack.start();
        idp.join();
        keycloak.partialImport(fixtures());
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            // a failed start of the system leaves Keycloak's start running: let it end before stopping it
            idp.handle((done, failure) -> null).join();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (idpDatabase != null) {
            idpDatabase.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theGatewaysOwnIssuerIsGoneAndItsKeyNoLongerTrusted() {
        given().baseUri(stack.gatewayUrl()).formParam("grant_type", "client_credentials").post("/oauth2/token")
            .then().statusCode(404);
        given().baseUri(stack.gatewayUrl()).get("/.well-known/openid-configuration").then().statusCode(404);
        given().baseUri(stack.gatewayUrl()).get("/oauth2/authorize").then().statusCode(404);
        String ownKey = TestTokens.token().subject("admin").groups("admin").signedWith(stack.jwtKeys()).sign();
        given().baseUri(stack.gatewayUrl()).auth().oauth2(ownKey).get("/api/registry/beneficiaries")
            .then().statusCode(401);
        given().baseUri(stack.service("registry").baseUrl()).auth().oauth2(ownKey).get("/api/registry/beneficiaries")
            .then().statusCode(401);
    }

    @Test
    void theAppSignsInThroughKeycloaksPageAndCallsThroughTheGateway() throws Exception {
        Optional<Path> chromium = ContractTools.chromium();
        Assumptions.assumeTrue(chromium.isPresent(), ContractTools.NO_CHROMIUM);
        Path tokenFile = ContractTools.output("keycloak").resolve("access-token");
        Files.deleteIfExists(tokenFile);
        ContractTools.Run run = ContractTools.node(Map.of("ISSUER", keycloak.issuer(), "CLIENT_ID", "women-app",
            "USERNAME_TO_SIGN_IN", "caseworker", "PASSWORD_TO_SIGN_IN", PASSWORD, "CHROMIUM",
            chromium.get().toString(), "TOKEN_FILE", tokenFile.toString()), Duration.ofMinutes(3),
            "keycloak-signin.mjs");
        System.out.println("[keycloak] browser sign-in:\n" + run.output());
        assertEquals(0, run.exit(), "contract/keycloak-signin.mjs:\n" + run.output());

        String token = Files.readString(tokenFile).strip();
        Files.delete(tokenFile);
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\":\"" + keycloak.issuer() + "\""), claims);
        // the caseworker of districts 5 and 12 reads her women through the gateway, and at the registry itself
        given().baseUri(stack.gatewayUrl()).auth().oauth2(token).get("/api/registry/beneficiaries")
            .then().statusCode(200);
        given().baseUri(stack.service("registry").baseUrl()).auth().oauth2(token).get("/api/registry/beneficiaries")
            .then().statusCode(200);
        // and no more than a caseworker may
        given().baseUri(stack.gatewayUrl()).auth().oauth2(token).get("/audit").then().statusCode(403);
    }

    @Test
    void aSampleOfTheSecurityMatrixHoldsWithKeycloaksTokens() throws Exception {
        Path matrixFile = ContractTools.root().resolve("docs/security-matrix.md");
        Map<String, SecurityMatrix.Row> rows = new LinkedHashMap<>();
        for (SecurityMatrix.Row row : SecurityMatrix.throughGateway(URI.create(stack.gatewayUrl() + "/"),
                matrixFile, stack.jwtKeys()).rows()) {
            rows.put(row.method() + " " + row.path(), row);
        }
        List<String> problems = new ArrayList<>();
        int cells = 0;
        for (String key : SAMPLE) {
            SecurityMatrix.Row row = rows.get(key);
            assertTrue(row != null, "no row " + key + " in " + matrixFile);
            for (String role : SecurityMatrix.ROLES) {
                cells++;
                String expected = row.cells().get(role);
                String where = key + " as " + role + " (" + expected + ")";
                if (expected.equals("✓") || expected.equals("own")) {
                    int status = call(row, role, Set.of());
                    if (status == 401 || status == 403 || status >= 500) {
                        problems.add(where + ": " + status);
                    }
                } else if (expected.equals("✗")) {
                    int status = call(row, role, CLIENTS.containsKey(role) ? Set.copyOf(SCOPES) : Set.of());
                    if (status != (role.equals("anonymous") ? 401 : 403)) {
                        problems.add(where + ": " + status);
                    }
                } else {
                    int with = call(row, role, Set.of(expected));
                    int without = call(row, role, Set.of());
                    if (with == 401 || with == 403 || with >= 500 || without != 403) {
                        problems.add(where + ": " + with + " with the scope, " + without + " without");
                    }
                }
            }
        }
        System.out.println("[keycloak] " + cells + " cells of " + SAMPLE.size()
            + " matrix rows with Keycloak's tokens");
        assertTrue(problems.isEmpty(), "cells of docs/security-matrix.md that differ with Keycloak's tokens:\n  "
            + String.join("\n  ", problems));
    }

    @Test
    void theRealmDefinesEveryRoleOfTheMatrix() throws Exception {
        Set<String> realmRoles = new TreeSet<>();
        try (var in = KeycloakIT.class.getResourceAsStream("/keycloak/realm.json")) {
            new ObjectMapper().readTree(in).path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name")
                .asText()));
        }
        for (String role : SecurityMatrix.ROLES) {
            assertTrue(role.equals("anonymous") || realmRoles.contains(role), "docs/security-matrix.md has the role "
                + role + ": add it to system-tests/src/test/resources/keycloak/realm.json (a realm role, and a "
                + "mapper for each claim that limits it)");
        }
    }

    /** Calls the row's operation through the gateway as {@code role}, with a token Keycloak issued. */
    private static int call(SecurityMatrix.Row row, String role, Set<String> scopes) {
        RequestSpecification request = given().baseUri(stack.gatewayUrl()).header("Accept-Language", "en");
        if (!role.equals("anonymous")) {
            request.auth().oauth2(token(role, scopes));
        }
        if (row.method().equals("POST")) {
            request.contentType("application/json").body("{}");
        }
        String query = row.probe() == null || row.probe().isBlank() ? "" : "?" + row.probe();
        Response answer = request.request(row.method(), row.path() + query);
        return answer.statusCode();
    }

    /**
     * A token of Keycloak's for the role: a person's by the password grant of a test-only confidential client (the
     * realm's own app allows only the code grant), a client's by its client credentials with {@code scopes}.
     */
    private static String token(String role, Set<String> scopes) {
        String key = role + " " + new TreeSet<>(scopes);
        return TOKENS.computeIfAbsent(key, k -> {
            RequestSpecification request = given().formParam("client_secret", CLIENT_SECRET);
            if (CLIENTS.containsKey(role)) {
                request.formParam("grant_type", "client_credentials").formParam("client_id", CLIENTS.get(role));
                if (!scopes.isEmpty()) {
                    request.formParam("scope", String.join(" ", new TreeSet<>(scopes)));
                }
            } else {
                request.formParam("grant_type", "password").formParam("client_id", "it-people")
                    .formParam("username", role).formParam("password", PASSWORD);
            }
            return request.post(keycloak.tokenEndpoint()).then().statusCode(200).extract().path("access_token");
        });
    }

    /** The people and clients of the test, added to the committed realm as an operator would add them. */
    private static Map<String, Object> fixtures() {
        List<Object> users = new ArrayList<>();
        // one person per role of the matrix that is not a client's, named after her role
        for (String role : SecurityMatrix.ROLES) {
            if (CLIENTS.containsKey(role) || role.equals("anonymous")) {
                continue;
            }
            String username = role;
            Map<String, List<String>> attributes = switch (role) {
                case "caseworker" -> Map.of("districts", List.of("5", "12"));
                case "producer" -> Map.of("businesses", List.of(UUID.randomUUID().toString()));
                case "sponsor" -> Map.of("sponsor_id", List.of(UUID.randomUUID().toString()));
                default -> Map.of();
            };
            users.add(Map.of("username", username, "enabled", true, "firstName", username, "lastName", "Test",
                "email", username + "@women-family.test", "emailVerified", true, "realmRoles", List.of(role),
                "attributes", attributes, "credentials",
                List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        }
        List<Object> clients = new ArrayList<>();
        clients.add(Map.of("clientId", "it-people", "publicClient", false, "secret", CLIENT_SECRET,
            "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
            "defaultClientScopes", List.of("women-family-api")));
        CLIENTS.forEach((role, clientId) -> {
            clients.add(Map.of("clientId", clientId, "publicClient", false, "secret", CLIENT_SECRET,
                "standardFlowEnabled", false, "serviceAccountsEnabled", true,
                "defaultClientScopes", List.of("women-family-api"), "optionalClientScopes", SCOPES));
            users.add(Map.of("username", "service-account-" + clientId, "enabled", true,
                "serviceAccountClientId", clientId, "realmRoles", List.of(role)));
        });
        return Map.of("ifResourceExists", "FAIL", "users", users, "clients", clients);
    }
}
