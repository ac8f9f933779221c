package ir.tehran.womenfamily.system.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.system.NationalCodes;
import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mobile app's sign-in through the gateway's page in a real browser: Debian's {@code chromium} driven by
 * {@code playwright-core} (pinned in contract/package-lock.json, installed by the build with the contract tools),
 * running contract/signin.mjs against the running system for a public client an admin registered with its custom
 * scheme and a loopback redirect URI: the authorization code grant with PKCE in Persian and in English ending in
 * tokens, and the refusals (an unregistered redirect URI, a missing or wrong verifier, a replayed code); and a
 * woman's way in on the same page, her mobile number and the one-time code read where the local stack's development
 * SMS sink shows it, after which she reads her record, revokes her consent to sponsorship, and the revocation reaches
 * sponsorship. Skipped, saying so, only on a machine without a {@code chromium} on its PATH.
 */
@ExtendWith(SharedStack.class)
class PkceSignInIT {

    @Test
    void aPublicClientSignsInThroughThePageInPersianAndInEnglish() throws IOException {
        Optional<Path> chromium = ContractTools.chromium();
        Assumptions.assumeTrue(chromium.isPresent(), ContractTools.NO_CHROMIUM);
        LocalStack stack = SharedStack.stack();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String clientId = publicClient(stack, "http://127.0.0.1:" + port + "/callback");

        ContractTools.Run run = ContractTools.node(Map.of("GATEWAY_URL", stack.gatewayUrl(), "CLIENT_ID", clientId,
            "USERNAME_TO_SIGN_IN", "caseworker", "PASSWORD_TO_SIGN_IN", stack.demoCredentials().password(),
            "LOOPBACK_PORT", String.valueOf(port), "CHROMIUM", chromium.get().toString()), Duration.ofMinutes(3),
            "signin.mjs");
        System.out.println("[pkce] browser sign-in:\n" + run.output());
        assertEquals(0, run.exit(), "contract/signin.mjs:\n" + run.output());
    }

    @Test
    void aWomanSignsInWithACodeFromTheSinkReadsHerRecordAndHerRevocationReachesSponsorship() throws IOException {
        Optional<Path> chromium = ContractTools.chromium();
        Assumptions.assumeTrue(chromium.isPresent(), ContractTools.NO_CHROMIUM);
        LocalStack stack = SharedStack.stack();
        String caseworker = token(stack, "caseworker");
        String officer = token(stack, "officer");
        // a woman of the register with her mobile number, a daughter, and her consent to sponsorship
        String mobile = "0912" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String woman = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
            .body(Map.of("nationalCode", NationalCodes.random(), "firstName", "مریم", "lastName", "رضایی",
                "district", 5, "mobile", mobile))
            .when().post("/api/registry/beneficiaries").then().statusCode(201).extract().path("id");
        String child = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
            .body(Map.of("firstName", "نرگس", "lastName", "رضایی", "birthDate", "1393-02-11", "gender", "FEMALE",
                "grade", 3))
            .when().post("/api/registry/beneficiaries/" + woman + "/children").then().statusCode(201)
            .extract().path("id");
        String consent = given().baseUri(stack.gatewayUrl()).auth().oauth2(caseworker).contentType(ContentType.JSON)
            .body(Map.of("purpose", "SPONSORSHIP", "givenOn", "1403-01-15", "channel", "PAPER"))
            .when().post("/api/registry/beneficiaries/" + woman + "/consents").then().statusCode(201)
            .extract().path("id");
        awaitConsent(stack, officer, child, true);

        // she signs in on the page of the app's sign-in, with the code the development sink shows
        String clientId = publicClient(stack, null);
        Path tokenFile = Files.createTempFile("woman-token", ".jwt");
        try {
            ContractTools.Run run = ContractTools.node(Map.of("GATEWAY_URL", stack.gatewayUrl(), "CLIENT_ID",
                clientId, "WOMAN_MOBILE", mobile, "WOMAN_ID", woman, "SMS_FILE",
                stack.developmentSmsFile().toString(), "WOMAN_TOKEN_FILE", tokenFile.toString(), "LOOPBACK_PORT", "0",
                "CHROMIUM", chromium.get().toString()), Duration.ofMinutes(3), "signin.mjs");
            System.out.println("[pkce] a woman's browser sign-in:\n" + run.output());
            assertEquals(0, run.exit(), "contract/signin.mjs:\n" + run.output());
            String her = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();

            // her own record and children, as the register holds them
            given().baseUri(stack.gatewayUrl()).auth().oauth2(her).when().get("/api/registry/me")
                .then().statusCode(200).body("id", equalTo(woman)).body("firstName", equalTo("مریم"));
            given().baseUri(stack.gatewayUrl()).auth().oauth2(her).when().get("/api/registry/me/children")
                .then().statusCode(200).body("id", hasItem(child));
            // her consent, revoked by her over the version she read
            JsonPath consents = given().baseUri(stack.gatewayUrl()).auth().oauth2(her)
                .when().get("/api/registry/me/consents").then().statusCode(200).extract().jsonPath();
            long version = consents.getLong("find { it.id == '" + consent + "' }.version");
            given().baseUri(stack.gatewayUrl()).auth().oauth2(her).contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .when().post("/api/registry/me/consents/" + consent + "/revocation")
                .then().statusCode(200).body("active", equalTo(false));
            // and sponsorship no longer shows her daughter to a sponsor
            awaitConsent(stack, officer, child, false);
        } finally {
            Files.deleteIfExists(tokenFile);
        }
    }

    private static String token(LocalStack stack, String user) {
        return given().baseUri(stack.gatewayUrl()).formParam("grant_type", "password").formParam("username", user)
            .formParam("password", stack.demoCredentials().password()).when().post("/oauth2/token")
            .then().statusCode(200).extract().path("access_token");
    }

    /** A public client an admin registers for the app: its custom scheme, and a loopback redirect URI if given. */
    private static String publicClient(LocalStack stack, String loopback) {
        String clientId = "women-app-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> redirects = loopback == null ? List.of("ir.tehran.women://callback")
            : List.of("ir.tehran.women://callback", loopback);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(token(stack, "admin")).contentType(ContentType.JSON)
            .body(Map.of("clientId", clientId, "name", "برنامهٔ همراه بانوان", "roles", List.of("partner-app"),
                "scopes", List.of(), "publicClient", true, "signIn", Map.of("trusted", false, "redirectUris",
                    redirects)))
            .when().post("/admin/clients").then().statusCode(201);
        return clientId;
    }

    private static void awaitConsent(LocalStack stack, String officer, String child, boolean consents) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
            given().baseUri(stack.gatewayUrl()).auth().oauth2(officer)
                .when().get("/api/sponsorship/children/" + child)
                .then().statusCode(200).body("motherConsentsToSponsorship", equalTo(consents)));
    }
}
