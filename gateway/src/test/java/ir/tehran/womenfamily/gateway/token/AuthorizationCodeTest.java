package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.gateway.FakeServices;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.support.sms.Mobile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The authorization code grant with PKCE: the sign-in page (Persian and right to left, English on request), the
 * code sent to a registered redirect URI only, its redemption with the verifier, and every refusal: an unknown
 * client or redirect URI shown on the page, a wrong or missing verifier, a wrong redirect URI, an expired or
 * replayed code (which revokes the tokens issued from it), a form posted without its CSRF token; public clients
 * refreshing and revoking their own tokens; the password grant for trusted clients only.
 */
@QuarkusTest
class AuthorizationCodeTest {

    private static final String PASSWORD = "right-password";
    private static final String APP_REDIRECT = "ir.tehran.women://callback";
    private static final String LOOPBACK_REDIRECT = "http://127.0.0.1:47123/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUZU1p1r_wW1gFWFOEjXk-verifier-of-the-test";

    @Inject
    Identities identities;

    @Inject
    MobileSignIn mobileSignIn;

    @Inject
    EntityManager em;

    @Test
    void thePageIsPersianAndRightToLeftAndEnglishOnRequest() {
        String client = publicClient();
        String persian = authorize(client, APP_REDIRECT, Map.of()).statusCode(200)
            .contentType(containsString("text/html"))
            .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
            .header("Cache-Control", "no-store")
            .cookie(AuthorizeResource.CSRF_COOKIE, notNullValue())
            .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(persian.contains("<html lang=\"fa\" dir=\"rtl\">"), persian);
        org.junit.jupiter.api.Assertions.assertTrue(persian.contains("گذرواژه"), persian);
        String english = authorize(client, APP_REDIRECT, Map.of("ui_locales", "en")).statusCode(200)
            .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(english.contains("<html lang=\"en\" dir=\"ltr\">"), english);
        org.junit.jupiter.api.Assertions.assertTrue(english.contains("Password"), english);
        String byHeader = given().redirects().follow(false).header("Accept-Language", "en-GB,en;q=0.8")
            .queryParams(request(client, APP_REDIRECT, Map.of())).get("/oauth2/authorize")
            .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(byHeader.contains("lang=\"en\""), byHeader);
    }

    @Test
    void aPublicClientSignsInAndGetsTokensThenRefreshesAndRevokesThem() {
        String client = publicClient();
        String user = newUser();
        Map<String, String> back = signIn(client, APP_REDIRECT, user, PASSWORD, Map.of("state", "s-1"));
        assertEquals("s-1", back.get("state"));
        assertEquals(TestTokens.ISSUER, back.get("iss"));
        ExtractableResponse<Response> tokens = exchange(client, back.get("code"), APP_REDIRECT, VERIFIER)
            .statusCode(200).header("Cache-Control", "no-store")
            .body("token_type", equalTo("Bearer"))
            .body("access_token", notNullValue())
            .body("refresh_token", notNullValue())
            .extract();
        String refresh = tokens.path("refresh_token");
        // the access token is the person's, issued to the app
        given().auth().oauth2(tokens.<String>path("access_token")).when().get("/admin/clients")
            .then().statusCode(403);

        String rotated = publicForm(client).formParam("grant_type", "refresh_token")
            .formParam("refresh_token", refresh).post("/oauth2/token")
            .then().statusCode(200).body("refresh_token", not(equalTo(refresh))).extract().path("refresh_token");
        // another app cannot redeem it, nor revoke it
        String other = publicClient();
        tokenError(publicForm(other).formParam("grant_type", "refresh_token").formParam("refresh_token", rotated)
            .post("/oauth2/token").then(), "invalid_grant");
        publicForm(client).formParam("token", rotated).post("/oauth2/revoke").then().statusCode(200);
        tokenError(publicForm(client).formParam("grant_type", "refresh_token").formParam("refresh_token", rotated)
            .post("/oauth2/token").then(), "invalid_grant");
    }

    @Test
    void aLoopbackRedirectUriWithItsQueryGetsTheCodeAppended() {
        String redirect = LOOPBACK_REDIRECT + "?from=app";
        String client = publicClient(redirect);
        Map<String, String> back = signIn(client, redirect, newUser(), PASSWORD, Map.of());
        assertEquals("app", back.get("from"));
        exchange(client, back.get("code"), redirect, VERIFIER).statusCode(200);
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesTheTokensIssuedFromIt() {
        String client = publicClient();
        String code = signIn(client, APP_REDIRECT, newUser(), PASSWORD, Map.of()).get("code");
        String refresh = exchange(client, code, APP_REDIRECT, VERIFIER).statusCode(200).extract()
            .path("refresh_token");
        tokenError(exchange(client, code, APP_REDIRECT, VERIFIER), "invalid_grant");
        tokenError(publicForm(client).formParam("grant_type", "refresh_token").formParam("refresh_token", refresh)
            .post("/oauth2/token").then(), "invalid_grant");
    }

    @Test
    void aWrongOrMissingVerifierOrRedirectUriIsRefused() {
        String client = publicClient();
        String code = signIn(client, APP_REDIRECT, newUser(), PASSWORD, Map.of()).get("code");
        tokenError(exchange(client, code, APP_REDIRECT, VERIFIER.replace('d', 'e')), "invalid_grant");
        tokenError(publicForm(client).formParam("grant_type", "authorization_code").formParam("code", code)
            .formParam("redirect_uri", APP_REDIRECT).post("/oauth2/token").then(), "invalid_request");
        tokenError(exchange(client, code, "ir.tehran.women://other", VERIFIER), "invalid_grant");
        tokenError(exchange(client, code, APP_REDIRECT, "short"), "invalid_grant");
        // none of these refusals gave a token; the app holding the right verifier still redeems its code
        exchange(client, code, APP_REDIRECT, VERIFIER).statusCode(200);

        String third = signIn(client, APP_REDIRECT, newUser(), PASSWORD, Map.of()).get("code");
        // the code belongs to the app it was issued to
        tokenError(exchange(publicClient(), third, APP_REDIRECT, VERIFIER), "invalid_grant");
    }

    @Test
    void anExpiredCodeIsRefused() {
        String client = publicClient();
        String code = signIn(client, APP_REDIRECT, newUser(), PASSWORD, Map.of()).get("code");
        QuarkusTransaction.requiringNew().run(() -> AuthorizationCode.update("expiresAt = ?1 where codeHash = ?2",
            Instant.now().minusSeconds(1), RefreshTokens.hash(code)));
        tokenError(exchange(client, code, APP_REDIRECT, VERIFIER), "invalid_grant");
    }

    @Test
    void aWomanSignsInOnThePageWithTheCodeSentToHerNumberAndGetsTheRoleWoman() throws Exception {
        // earlier tests may have asked codes for the registered number: start her within its limit
        String number = FakeServices.REGISTERED_MOBILE;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
            "delete from mobile_code where mobile_hash = ?1").setParameter(1, mobileSignIn.mobileHash(number))
            .executeUpdate());
        String client = publicClient();
        String page = authorize(client, APP_REDIRECT, Map.of("state", "w")).statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(page.contains("id=\"mobile\"") && page.contains("شمارهٔ"), page);
        Map<String, String> form = new LinkedHashMap<>(request(client, APP_REDIRECT, Map.of("state", "w")));
        String csrf = authorize(client, APP_REDIRECT, Map.of("state", "w")).extract()
            .cookie(AuthorizeResource.CSRF_COOKIE);
        form.put("csrf_token", csrf);
        form.put("action", "send-code");

        // not a mobile number: the page again, nothing sent
        form.put("mobile", "02188776655");
        String refused = post(form, csrf).statusCode(400).header("Location", nullValue()).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("role=\"alert\""), refused);

        // her number as she types it, in Persian digits: the page asks for the code sent to it
        form.put("mobile", "۰۹۱۲ ۰۰۰ ۰۰۰۱");
        ExtractableResponse<Response> asked = post(form, csrf).statusCode(200).header("Location", nullValue())
            .extract();
        org.junit.jupiter.api.Assertions.assertTrue(asked.asString().contains("id=\"code\"")
            && asked.asString().contains("value=\"" + number + "\""), asked.asString());
        String code = lastSmsCode(number);
        String next = asked.cookie(AuthorizeResource.CSRF_COOKIE);
        form.put("csrf_token", next);
        form.put("action", "verify-code");
        form.put("mobile", number);
        form.put("code", code.equals("000000") ? "000001" : "000000");
        String wrong = post(form, next).statusCode(400).header("Location", nullValue()).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(wrong.contains("role=\"alert\"")
            && wrong.contains("id=\"code\""), wrong);

        // the right code, typed in Persian digits: the authorization code goes back to the app
        form.put("code", persianDigits(code));
        String location = post(form, next).statusCode(303).extract().header("Location");
        Map<String, String> back = parameters(location);
        assertEquals("w", back.get("state"));
        ExtractableResponse<Response> tokens = exchange(client, back.get("code"), APP_REDIRECT, VERIFIER)
            .statusCode(200).body("refresh_token", notNullValue()).extract();
        io.restassured.path.json.JsonPath claims = io.restassured.path.json.JsonPath.from(new String(
            java.util.Base64.getUrlDecoder().decode(tokens.<String>path("access_token").split("\\.")[1]),
            StandardCharsets.UTF_8));
        assertEquals(List.of("woman"), claims.getList("groups"));
        assertEquals(FakeServices.REGISTERED_BENEFICIARY, claims.getString("beneficiary_id"));
        assertEquals(client, claims.getString("client_id"));
        // the code was used once: the same code again is refused
        tokenError(exchange(client, back.get("code"), APP_REDIRECT, VERIFIER), "invalid_grant");
        post(form, next).statusCode(400).header("Location", nullValue());
    }

    @Test
    void floodingANumberThroughThePageMeetsTheSameLimitAsTheApi() {
        String client = publicClient();
        String csrf = authorize(client, APP_REDIRECT, Map.of()).extract().cookie(AuthorizeResource.CSRF_COOKIE);
        Map<String, String> form = new LinkedHashMap<>(request(client, APP_REDIRECT, Map.of()));
        form.put("csrf_token", csrf);
        form.put("action", "send-code");
        form.put("mobile", "0912" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current()
            .nextInt(10_000_000)));
        for (int i = 0; i < 3; i++) {
            post(form, csrf).statusCode(200);
        }
        String limited = post(form, csrf).statusCode(429).header("Retry-After", notNullValue())
            .header("Location", nullValue()).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(limited.contains("role=\"alert\"")
            && !limited.contains("id=\"code\""), limited);
    }

    /** The newest code the development sink showed for this number (masked as it shows it). */
    private static String lastSmsCode(String number) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("target", "development-sms.txt"),
            StandardCharsets.UTF_8).stream().filter(l -> l.contains(" " + Mobile.masked(number) + " ")).toList();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{6})$").matcher(lines.get(lines.size() - 1));
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), lines.get(lines.size() - 1));
        return m.group(1);
    }

    private static String persianDigits(String code) {
        StringBuilder out = new StringBuilder();
        code.chars().forEach(c -> out.append((char) ('۰' + (c - '0'))));
        return out.toString();
    }

    @Test
    void anUnknownClientOrAnUnregisteredRedirectUriIsShownOnThePageNeverRedirected() {
        String client = publicClient();
        for (String wrong : List.of("ir.tehran.women://callback/", "IR.tehran.women://callback",
            "ir.tehran.women://callback?x=1", "https://attacker.example/callback")) {
            String page = authorize(client, wrong, Map.of()).statusCode(400).header("Location", nullValue())
                .extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(page.contains("dir=\"rtl\""), page);
        }
        authorize("no-such-client", APP_REDIRECT, Map.of()).statusCode(400).header("Location", nullValue());
        given().redirects().follow(false).queryParam("client_id", client).get("/oauth2/authorize")
            .then().statusCode(400).header("Location", nullValue());
        // a repeated parameter is not guessed at
        given().redirects().follow(false).queryParams(request(client, APP_REDIRECT, Map.of()))
            .queryParam("redirect_uri", "https://attacker.example/cb").get("/oauth2/authorize")
            .then().statusCode(400).header("Location", nullValue());
    }

    @Test
    void otherErrorsGoBackToTheAppWithItsState() {
        String client = publicClient();
        Map<String, String> plain = new HashMap<>(Map.of("code_challenge_method", "plain", "state", "st"));
        assertRedirectError(authorize(client, APP_REDIRECT, plain), "invalid_request", "st");
        assertRedirectError(authorize(client, APP_REDIRECT, Map.of("code_challenge", "too-short", "state", "st")),
            "invalid_request", "st");
        assertRedirectError(authorize(client, APP_REDIRECT, Map.of("response_type", "token", "state", "st")),
            "unsupported_response_type", "st");
    }

    @Test
    void aWrongPasswordOrAFormWithoutItsCsrfTokenShowsThePageAgainAndCancelIsAccessDenied() {
        String client = publicClient();
        String user = newUser();
        ValidatableResponse page = authorize(client, APP_REDIRECT, Map.of("state", "x"));
        String csrf = page.extract().cookie(AuthorizeResource.CSRF_COOKIE);
        Map<String, String> form = new LinkedHashMap<>(request(client, APP_REDIRECT, Map.of("state", "x")));
        form.put("username", user);
        form.put("password", "wrong");
        form.put("csrf_token", csrf);
        String refused = post(form, csrf).statusCode(400).header("Location", nullValue()).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("role=\"alert\""), refused);

        form.put("password", PASSWORD);
        post(form, null).statusCode(400).header("Location", nullValue());
        post(form, "another-token").statusCode(400).header("Location", nullValue());

        form.put("action", "cancel");
        assertRedirectError(post(form, csrf), "access_denied", "x");
    }

    @Test
    void aConfidentialClientMustAuthenticateToRedeemItsCode() {
        String id = "app-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = asAdmin().contentType(ContentType.JSON).body(Map.of("clientId", id, "name", "Web app",
            "roles", List.of("partner-app"), "scopes", List.of(),
            "signIn", Map.of("trusted", false, "redirectUris", List.of("https://app.example/cb"))))
            .post("/admin/clients").then().statusCode(201).extract().path("secret.clientSecret");
        String code = signIn(id, "https://app.example/cb", newUser(), PASSWORD, Map.of()).get("code");
        tokenError(exchange(id, code, "https://app.example/cb", VERIFIER), "invalid_client");
        given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret)
            .formParam("grant_type", "authorization_code").formParam("code", code)
            .formParam("redirect_uri", "https://app.example/cb").formParam("code_verifier", VERIFIER)
            .post("/oauth2/token").then().statusCode(200).body("refresh_token", notNullValue());
        // not trusted: no password grant
        tokenError(given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret)
            .formParam("grant_type", "password").formParam("username", newUser()).formParam("password", PASSWORD)
            .post("/oauth2/token").then(), "unauthorized_client");
        // until an admin marks it trusted
        asAdmin().contentType(ContentType.JSON).body(Map.of("trusted", true, "redirectUris", List.of()))
            .put("/admin/clients/" + id + "/sign-in").then().statusCode(200).body("signIn.trusted", equalTo(true));
        given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret)
            .formParam("grant_type", "password").formParam("username", newUser()).formParam("password", PASSWORD)
            .post("/oauth2/token").then().statusCode(200);
    }

    @Test
    void aPublicClientHasNoSecretAndNoPasswordGrant() {
        String client = publicClient();
        asAdmin().get("/admin/clients/" + client).then().statusCode(200).body("publicClient", equalTo(true))
            .body("signIn.trusted", equalTo(false)).body("signIn.redirectUris", equalTo(List.of(APP_REDIRECT)));
        tokenError(publicForm(client).formParam("grant_type", "password").formParam("username", newUser())
            .formParam("password", PASSWORD).post("/oauth2/token").then(), "unauthorized_client");
        tokenError(publicForm(client).formParam("grant_type", "client_credentials").post("/oauth2/token").then(),
            "invalid_client");
        asAdmin().contentType(ContentType.JSON).body(Map.of("trusted", true, "redirectUris", List.of()))
            .put("/admin/clients/" + client + "/sign-in").then().statusCode(400)
            .body("errors[0].field", equalTo("trusted"));
    }

    @Test
    void onlySafeRedirectUrisCanBeRegistered() {
        for (String bad : List.of("http://app.example/cb", "javascript:alert(1)", "https://app.example/cb#x",
            "callback", "data:text/html,x", "myapp://callback")) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("clientId", "app-" + UUID.randomUUID()
                .toString().substring(0, 8), "name", "x", "roles", List.of("partner-app"), "scopes", List.of(),
                "publicClient", true, "signIn", Map.of("trusted", false, "redirectUris", List.of(bad))))
                .post("/admin/clients").then().statusCode(400).body("errors[0].field",
                    equalTo("signIn.redirectUris[0]"));
        }
        for (String good : List.of("https://app.example/cb", "http://127.0.0.1:8765/cb", "http://localhost/cb",
            "ir.tehran.women://callback")) {
            org.junit.jupiter.api.Assertions.assertTrue(RedirectUris.acceptable(good), good);
        }
    }

    @Test
    void discoveryNamesTheAuthorizationEndpointAndS256() {
        given().get("/.well-known/oauth-authorization-server").then().statusCode(200)
            .body("authorization_endpoint", startsWith("http"))
            .body("code_challenge_methods_supported", equalTo(List.of("S256")))
            .body("response_types_supported", equalTo(List.of("code")))
            .body("grant_types_supported", hasItems("authorization_code", "refresh_token"));
    }

    // ---- helpers

    private String publicClient() {
        return publicClient(APP_REDIRECT);
    }

    private String publicClient(String redirect) {
        String id = "app-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().contentType(ContentType.JSON).body(Map.of("clientId", id, "name", "برنامهٔ بانوان",
            "roles", List.of("partner-app"), "scopes", List.of(), "publicClient", true,
            "signIn", Map.of("trusted", false, "redirectUris", List.of(redirect))))
            .post("/admin/clients").then().statusCode(201).body("secret", nullValue());
        return id;
    }

    private String newUser() {
        String username = "app-user-" + UUID.randomUUID();
        identities.createStaffUserIfAbsent(username, PASSWORD, List.of("caseworker"), List.of(3));
        return username;
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.forRoles("root", "admin"));
    }

    private static RequestSpecification publicForm(String client) {
        return given().contentType(ContentType.URLENC).formParam("client_id", client);
    }

    private static Map<String, String> request(String client, String redirect, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", client);
        params.put("redirect_uri", redirect);
        params.put("code_challenge", AuthorizationCodes.s256(VERIFIER));
        params.put("code_challenge_method", "S256");
        params.putAll(extra);
        return params;
    }

    private static ValidatableResponse authorize(String client, String redirect, Map<String, String> extra) {
        return given().redirects().follow(false).queryParams(request(client, redirect, extra))
            .get("/oauth2/authorize").then();
    }

    private static ValidatableResponse post(Map<String, String> form, String csrfCookie) {
        // as a browser posts the page's form: in the page's charset
        RequestSpecification spec = given().redirects().follow(false)
            .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).formParams(form);
        if (csrfCookie != null) {
            spec = spec.cookie(AuthorizeResource.CSRF_COOKIE, csrfCookie);
        }
        return spec.post("/oauth2/authorize").then();
    }

    /** Signs in on the page and answers the parameters sent back to the redirect URI. */
    private static Map<String, String> signIn(String client, String redirect, String user, String password,
            Map<String, String> extra) {
        String csrf = authorize(client, redirect, extra).statusCode(200).extract()
            .cookie(AuthorizeResource.CSRF_COOKIE);
        Map<String, String> form = new LinkedHashMap<>(request(client, redirect, extra));
        form.put("username", user);
        form.put("password", password);
        form.put("csrf_token", csrf);
        form.put("action", "sign-in");
        String location = post(form, csrf).statusCode(303).extract().header("Location");
        assertNotNull(location);
        org.junit.jupiter.api.Assertions.assertTrue(location.startsWith(redirect.split("\\?")[0] + "?"), location);
        Map<String, String> back = parameters(location);
        assertNotNull(back.get("code"), location);
        return back;
    }

    private static void assertRedirectError(ValidatableResponse response, String error, String state) {
        String location = response.statusCode(303).extract().header("Location");
        Map<String, String> back = parameters(location);
        assertEquals(error, back.get("error"), location);
        assertEquals(state, back.get("state"), location);
        assertEquals(null, back.get("code"), location);
    }

    private static Map<String, String> parameters(String location) {
        Map<String, String> out = new HashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static ValidatableResponse exchange(String client, String code, String redirect, String verifier) {
        return publicForm(client).formParam("grant_type", "authorization_code").formParam("code", code)
            .formParam("redirect_uri", redirect).formParam("code_verifier", verifier)
            .post("/oauth2/token").then();
    }

    private static void tokenError(ValidatableResponse response, String error) {
        response.statusCode(error.equals("invalid_client") ? 401 : 400).contentType(ContentType.JSON)
            .body("error", equalTo(error)).body("access_token", nullValue());
    }
}
