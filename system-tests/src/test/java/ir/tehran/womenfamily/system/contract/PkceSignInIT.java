package ir.tehran.womenfamily.system.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mobile app's sign-in through the gateway's page in a real browser: Debian's {@code chromium} driven by
 * {@code playwright-core} (pinned in contract/package-lock.json, installed by the build with the contract tools),
 * running contract/signin.mjs against the running system for a public client an admin registered with its custom
 * scheme and a loopback redirect URI: the authorization code grant with PKCE in Persian and in English ending in
 * tokens, and the refusals (an unregistered redirect URI, a missing or wrong verifier, a replayed code). Skipped,
 * saying so, only on a machine without a {@code chromium} on its PATH.
 */
@ExtendWith(SharedStack.class)
class PkceSignInIT {

    @Test
    void aPublicClientSignsInThroughThePageInPersianAndInEnglish() throws IOException {
        Optional<Path> chromium = ContractTools.chromium();
        Assumptions.assumeTrue(chromium.isPresent(), ContractTools.NO_CHROMIUM);
        LocalStack stack = SharedStack.stack();
        String password = stack.demoCredentials().password();
        String admin = given().baseUri(stack.gatewayUrl()).formParam("grant_type", "password")
            .formParam("username", "admin").formParam("password", password).when().post("/oauth2/token")
            .then().statusCode(200).extract().path("access_token");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String clientId = "women-app-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(stack.gatewayUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
            .body(Map.of("clientId", clientId, "name", "برنامهٔ همراه بانوان", "roles", List.of("partner-app"),
                "scopes", List.of(), "publicClient", true, "signIn", Map.of("trusted", false, "redirectUris",
                    List.of("ir.tehran.women://callback", "http://127.0.0.1:" + port + "/callback"))))
            .when().post("/admin/clients").then().statusCode(201);

        ContractTools.Run run = ContractTools.node(Map.of("GATEWAY_URL", stack.gatewayUrl(), "CLIENT_ID", clientId,
            "USERNAME_TO_SIGN_IN", "caseworker", "PASSWORD_TO_SIGN_IN", password, "LOOPBACK_PORT",
            String.valueOf(port), "CHROMIUM", chromium.get().toString()), Duration.ofMinutes(3), "signin.mjs");
        System.out.println("[pkce] browser sign-in:\n" + run.output());
        assertEquals(0, run.exit(), "contract/signin.mjs:\n" + run.output());
    }
}
