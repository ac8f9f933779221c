package ir.tehran.womenfamily.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SPDCI conformance suite (OpenSPP's {@code spdci-compliance}, Cucumber on Node.js) against the registry
 * behind the gateway, with the token of an agency client made through the gateway's admin API. The suite is
 * copied from {@code spdci.source} (never edited there) to {@code target/spdci-compliance} and installed with
 * {@code npm ci} from its own lock file (npm's cache in {@code ~/.npm}). The scenarios run are the suite's
 * {@code @profile=sr-registry} scenarios, every one ({@link #TAGS}), with the suite's callback server on
 * 127.0.0.1 (a free port, put on the agency's callback allow-list) receiving the registry's signed callbacks; all
 * must pass. Need to know is proven on the same stack: a woman without consent for the agency is never in an answer.
 */
@ExtendWith(SharedStack.class)
class DciConformanceIT {

    /** Every scenario of the suite's social registry profile is run. */
    static final String TAGS = "@profile=sr-registry";

    /** The port of the suite's callback server, on 127.0.0.1, on the agency's callback allow-list. */
    private static final int CALLBACK_PORT = freePort();

    private static final String AGENCY = "welfare-org";
    private static LocalStack stack;
    private static String agencyToken;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
    }

    private static String token(String user) {
        return given().baseUri(stack.gatewayUrl()).formParam("grant_type", "password").formParam("username", user)
            .formParam("password", stack.demoCredentials().password()).when().post("/oauth2/token")
            .then().statusCode(200).extract().path("access_token");
    }

    /** The agency's client (role agency, scope dci.registry.search), made once, and a token for it. */
    private static synchronized String agencyToken() {
        if (agencyToken == null) {
            agencyToken = newAgencyToken();
        }
        return agencyToken;
    }

    private static String newAgencyToken() {
        String admin = token("admin");
        int status = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when()
            .get("/admin/clients/" + AGENCY).then().extract().statusCode();
        String secret;
        if (status == 404) {
            secret = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("clientId", AGENCY, "name", "سازمان بهزیستی", "roles", List.of("agency"),
                    "scopes", List.of("dci.registry.search")))
                .when().post("/admin/clients").then().statusCode(201).extract().path("secret.clientSecret");
        } else {
            secret = given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).when()
                .post("/admin/clients/" + AGENCY + "/secrets").then().statusCode(201).extract().path("clientSecret");
        }
        // its callbacks (on-search, on-subscribe, on-unsubscribe, txn on-status) go to the suite's callback server
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
            .body(Map.of("agency", "WELFARE_ORGANISATION", "name", "سازمان بهزیستی",
                "callbackBaseUrls", List.of(callbackBaseUrl()), "keys", List.of()))
            .when().put("/api/registry/dci/agencies/" + AGENCY).then().statusCode(200);
        return given().baseUri(stack.gatewayUrl()).formParam("grant_type", "client_credentials")
            .formParam("client_id", AGENCY).formParam("client_secret", secret)
            .formParam("scope", "dci.registry.search")
            .when().post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    private static String woman(String caseworker, String code, String consentFor) {
        String id = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
            .body("{\"nationalCode\":\"" + code + "\",\"firstName\":\"زهرا\",\"lastName\":\"کریمی\",\"district\":5}")
            .when().post("/api/registry/beneficiaries").then().statusCode(201).extract().path("id");
        if (consentFor != null) {
            given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
                .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + consentFor + "\"},"
                    + "\"givenOn\":\"1403-01-15\",\"channel\":\"PAPER\"}")
                .when().post("/api/registry/beneficiaries/" + id + "/consents").then().statusCode(201);
        }
        return id;
    }

    private static Map<String, Object> search(String code) {
        return Map.of("signature", "unsigned",
            "header", Map.of("version", "1.0.0", "message_id", UUID.randomUUID().toString(),
                "message_ts", Instant.now().toString(), "action", "search", "sender_id", AGENCY, "total_count", 1),
            "message", Map.of("transaction_id", UUID.randomUUID().toString(), "search_request", List.of(Map.of(
                "reference_id", "r1", "timestamp", Instant.now().toString(), "search_criteria", Map.of(
                    "query_type", "idtype-value", "query", Map.of("type", "NATIONAL_CODE", "value", code))))));
    }

    @Test
    void aWomanIsReleasedToTheAgencyOnlyUnderHerConsentForIt() {
        String caseworker = token("caseworker");
        String agency = agencyToken();
        String consenting = NationalCodes.random();
        String other = NationalCodes.random();
        String none = NationalCodes.random();
        woman(caseworker, consenting, "WELFARE_ORGANISATION");
        woman(caseworker, other, "RELIEF_COMMITTEE");
        woman(caseworker, none, null);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(agency).contentType(ContentType.JSON).body(search(consenting))
            .when().post("/registry/sync/search").then().statusCode(200)
            .body("message.search_response[0].data.reg_records", hasSize(1))
            .body("message.search_response[0].data.reg_records[0].identifier.identifier_value",
                equalTo(consenting));
        for (String code : List.of(other, none)) {
            given().baseUri(stack.gatewayUrl()).auth().oauth2(agency).contentType(ContentType.JSON).body(search(code))
                .when().post("/registry/sync/search").then().statusCode(200)
                .body("message.search_response[0].status", equalTo("succ"))
                .body("message.search_response[0].data.reg_records", hasSize(0));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String callbackBaseUrl() {
        return "http://127.0.0.1:" + CALLBACK_PORT;
    }

    @Test
    void everyScenarioOfTheSocialRegistryProfilePasses() throws Exception {
        Path suite = install();
        String tags = TAGS;
        // the suite's own cucumber.cjs: its progress output ends with the summary read below
        ProcessBuilder run = new ProcessBuilder("npx", "cucumber-js", "--tags", tags)
            .directory(suite.toFile()).redirectErrorStream(true);
        run.environment().put("DOMAIN", "social");
        run.environment().put("API_BASE_URL", stack.gatewayUrl() + "/");
        run.environment().put("DCI_AUTH_TOKEN", agencyToken());
        run.environment().put("DCI_SENDER_ID", AGENCY);
        // the suite's callback server (its README): the async scenarios wait for the registry's callbacks there
        run.environment().put("CALLBACK_SERVER_ENABLED", "true");
        run.environment().put("CALLBACK_SERVER_HOST", "127.0.0.1");
        run.environment().put("CALLBACK_SERVER_PORT", String.valueOf(CALLBACK_PORT));
        run.environment().put("CALLBACK_WAIT_MS", "60000");
        long started = System.nanoTime();
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the suite did not finish");
        System.out.println("SPDCI conformance (" + tags + "), " + (System.nanoTime() - started) / 1_000_000
            + " ms:\n" + output);
        Matcher scenarios = Pattern.compile("(\\d+) scenarios? \\(([^)]*)\\)").matcher(output);
        assertTrue(scenarios.find(), "no summary in the suite's output");
        int total = Integer.parseInt(scenarios.group(1));
        assertTrue(total > 0, "no scenario ran");
        assertEquals(total + " passed", scenarios.group(2).strip(), "scenarios not all passed");
        assertEquals(0, process.exitValue(), "the suite failed");
    }

    /** Copies the suite to target/spdci-compliance (without its node_modules) and runs npm ci there. */
    static Path install() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path source = Path.of(System.getProperty("spdci.source", root.resolve("../shared/spdci-compliance")
            .toString())).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(source.resolve("package-lock.json")), "no suite at " + source);
        Path target = Path.of("target/spdci-compliance").toAbsolutePath();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            walk.filter(p -> !source.relativize(p).startsWith("node_modules")).forEach(files::add);
        }
        for (Path from : files) {
            Path to = target.resolve(source.relativize(from).toString());
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
            } else {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!Files.isDirectory(target.resolve("node_modules/@cucumber"))) {
            long started = System.nanoTime();
            Process npm = new ProcessBuilder("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund")
                .directory(target.toFile()).inheritIO().start();
            assertTrue(npm.waitFor(10, TimeUnit.MINUTES) && npm.exitValue() == 0, "npm ci failed");
            System.out.println("npm ci of the SPDCI suite: " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        return target;
    }
}
