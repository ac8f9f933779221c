package ir.tehran.womenfamily.gateway.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.http.HttpServerRequest;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.token.Identities.StaffLogin;
import ir.tehran.womenfamily.gateway.web.SourceAddress;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.sms.Mobile;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The authorization endpoint of the authorization code grant with PKCE (OAuth 2.1 §4.1, RFC 7636 with S256 only):
 * a sign-in page in Persian, right to left (English with {@code ui_locales=en} or {@code Accept-Language}), with two
 * ways in: a woman's mobile number and the one-time code sent to it (the same {@link MobileSignIn} as
 * {@code POST /oauth2/mobile-code} and the mobile-code grant: same codes, same limits, role {@link Roles#WOMAN}), and
 * the password form of staff, producers and sponsors (checked like the password grant: same users, same login
 * throttle). Either ends in a one-time authorization code sent to the client's redirect URI. Until the client and a
 * redirect URI registered for it (compared exactly) are known, every error is shown on the page and nothing is
 * redirected; after that, errors go back to the app ({@code error}, {@code state}). Every form is protected from
 * cross-site posts by a double-submit token (an HttpOnly SameSite=Strict cookie and a hidden field that must match).
 */
@Path("/oauth2/authorize")
@Tag(name = "OAuth 2")
public class AuthorizeResource {

    static final String CSRF_COOKIE = "wf_signin_csrf";

    /** The authorization request's parameters, carried from the page to its form. */
    static final List<String> REQUEST_PARAMETERS = List.of("response_type", "client_id", "redirect_uri",
        "code_challenge", "code_challenge_method", "state", "scope", "ui_locales");

    private static final Logger LOG = Logger.getLogger(AuthorizeResource.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=utf-8");

    @Inject
    HttpServerRequest request;

    @Inject
    Identities identities;

    @Inject
    AuthorizationCodes codes;

    @Inject
    GatewayConfig config;

    @Inject
    MobileSignIn mobileSignIn;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showSignInPage", summary = "The sign-in page of the authorization code grant (PKCE)",
        description = "A browser page, not an API: response_type=code, client_id, redirect_uri (registered for "
            + "the client, compared exactly), code_challenge (BASE64URL of the SHA-256 of the verifier), "
            + "code_challenge_method=S256, state, optionally scope and ui_locales (fa or en). Persian and right to "
            + "left unless English is asked for. An unknown client or redirect URI is shown on the page; other "
            + "errors are sent back to the redirect URI with error and state.")
    @Parameter(name = "response_type", in = ParameterIn.QUERY, required = true,
        schema = @Schema(type = SchemaType.STRING, enumeration = {"code"}))
    @Parameter(name = "client_id", in = ParameterIn.QUERY, required = true,
        schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "redirect_uri", in = ParameterIn.QUERY, required = true,
        schema = @Schema(type = SchemaType.STRING, format = "uri"))
    @Parameter(name = "code_challenge", in = ParameterIn.QUERY, required = true,
        schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9_-]{43}$"))
    @Parameter(name = "code_challenge_method", in = ParameterIn.QUERY, required = true,
        schema = @Schema(type = SchemaType.STRING, enumeration = {"S256"}))
    @Parameter(name = "state", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "scope", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "ui_locales", in = ParameterIn.QUERY,
        schema = @Schema(type = SchemaType.STRING, enumeration = {"fa", "en"}))
    @APIResponse(responseCode = "200", description = "The sign-in page",
        content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "303", description = "An error sent back to the registered redirect URI",
        headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "An unknown client or redirect URI, or a malformed request, "
        + "shown on the page", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING)))
    public Response page(UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Locale locale = locale(query.getFirst("ui_locales"), acceptLanguage);
        Checked checked = check(query, locale);
        if (checked.answer() != null) {
            return checked.answer();
        }
        return form(checked, locale, null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "signIn", summary = "Sign in on the page and send a code to the app",
        description = "The page's forms: the authorization request's parameters, csrf_token (from the page; it must "
            + "match the page's cookie) and action. action=sign-in with username and password (staff, producers, "
            + "sponsors); action=send-code with mobile (a woman: a one-time code is sent by SMS as by "
            + "POST /oauth2/mobile-code, with the same answer for every valid number, and the page asks for it); "
            + "action=verify-code with mobile and code (the token will carry the role woman and, when the register "
            + "knows the number, beneficiary_id); action=cancel. On success, a one-time authorization code (valid "
            + "for a minute, for this client, redirect URI and challenge) is sent to the redirect URI with state and "
            + "iss (RFC 9207); a wrong password or code shows the page again; cancel sends error=access_denied.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
        schema = @Schema(implementation = SignInForm.class)))
    @APIResponse(responseCode = "303", description = "The code (or error=access_denied) sent to the redirect URI",
        headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "The page that asks for the one-time code sent to the number",
        content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A refused sign-in or code, a number that is not a mobile "
        + "number, an expired form, or an unknown client or redirect URI, shown on the page",
        content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "Too many codes for this number or from this address, shown on "
        + "the page", headers = @Header(name = "Retry-After", description = "Seconds to wait",
            schema = @Schema(implementation = Integer.class)),
        content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", description = "The register did not answer after a right code: the page asks "
        + "to send the same code again in a moment", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING)))
    public Response signIn(MultivaluedMap<String, String> form,
            @CookieParam(CSRF_COOKIE) String csrfCookie,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if (form == null) {
            return errorPage(Messages.PERSIAN, "signin.error.request");
        }
        Locale locale = locale(form.getFirst("ui_locales"), acceptLanguage);
        Checked checked = check(form, locale);
        if (checked.answer() != null) {
            return checked.answer();
        }
        String csrf = form.getFirst("csrf_token");
        if (csrf == null || csrfCookie == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
            csrfCookie.getBytes(StandardCharsets.UTF_8))) {
            LOG.infof("sign-in form for client %s without a matching CSRF token", checked.client().clientId);
            return form(checked, locale, "signin.expired", 400);
        }
        String action = form.getFirst("action");
        if ("cancel".equals(action)) {
            return back(checked, Map.of("error", "access_denied", "error_description", "The person cancelled."));
        }
        if ("send-code".equals(action) || "verify-code".equals(action)) {
            return byMobile(checked, locale, form, "send-code".equals(action));
        }
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return form(checked, locale, "signin.refused", 400);
        }
        StaffLogin login = identities.authenticateStaff(username, password, SourceAddress.key(request.remoteAddress()),
            "authorize");
        if (login.outcome() != StaffLogin.Outcome.SUCCESS) {
            return form(checked, locale, "signin.refused", 400);
        }
        return signedIn(checked, login.user());
    }

    /**
     * A woman's way in, the one-time code of {@link MobileSignIn}: {@code send} asks for a code for the number and
     * shows the page that asks for it; otherwise the code typed there is checked. Every refusal is shown on the page.
     */
    private Response byMobile(Checked checked, Locale locale, MultivaluedMap<String, String> form, boolean send) {
        if (!config.mobileSignIn().enabled()) {
            return form(checked, locale, "signin.mobile.off", 400);
        }
        List<String> numbers = form.get("mobile");
        Optional<String> mobile = numbers == null || numbers.size() != 1 ? Optional.empty()
            : Mobile.e164(numbers.get(0));
        if (mobile.isEmpty()) {
            return form(checked, locale, "signin.mobile.invalid", 400);
        }
        String source = SourceAddress.key(request.remoteAddress());
        if (send) {
            MobileSignIn.CodeRequest sent = mobileSignIn.request(mobile.get(), source);
            if (sent.limited()) {
                return Response.fromResponse(form(checked, locale, "signin.mobile.slow-down", 429))
                    .header("Retry-After", Math.max(1, sent.retryAfter().toSeconds())).build();
            }
            return codeForm(checked, locale, mobile.get(), null, 200);
        }
        String code = form.getFirst("code");
        if (code == null || code.isBlank()) {
            return codeForm(checked, locale, mobile.get(), "signin.code.refused", 400);
        }
        MobileSignIn.Verification v = mobileSignIn.authenticate(mobile.get(), code, source,
            checked.client().clientId, "authorize");
        return switch (v.outcome()) {
            case SIGNED_IN -> signedIn(checked, v.user());
            case REGISTRY_UNAVAILABLE -> codeForm(checked, locale, mobile.get(), "signin.code.unavailable", 503);
            case REFUSED -> codeForm(checked, locale, mobile.get(), "signin.code.refused", 400);
        };
    }

    /** The authorization code for the person who signed in, sent to the app with {@code iss} (RFC 9207). */
    private Response signedIn(Checked checked, StaffUser user) {
        String code = codes.issue(checked.client().clientId, user.username, checked.redirectUri(),
            checked.challenge());
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("iss", config.token().issuer());
        return back(checked, answer);
    }

    /**
     * The request checked in the order that decides where an error goes: the client and its redirect URI first
     * (an error shown on the page), then the rest (an error sent back to the app).
     */
    private Checked check(MultivaluedMap<String, String> params, Locale locale) {
        for (String name : REQUEST_PARAMETERS) {
            List<String> values = params.get(name);
            if (values != null && values.size() > 1) {
                return Checked.answer(errorPage(locale, "signin.error.request"));
            }
        }
        String clientId = params.getFirst("client_id");
        Optional<ApiClient> client = clientId == null ? Optional.empty() : identities.usableClient(clientId);
        if (client.isEmpty()) {
            LOG.infof("authorization request for an unknown or revoked client %s", clientId);
            return Checked.answer(errorPage(locale, "signin.error.client"));
        }
        String redirectUri = params.getFirst("redirect_uri");
        if (redirectUri == null || !Arrays.asList(client.get().redirectUris).contains(redirectUri)) {
            LOG.infof("authorization request of client %s for an unregistered redirect URI", clientId);
            return Checked.answer(errorPage(locale, "signin.error.redirect-uri"));
        }
        Checked trusted = new Checked(client.get(), redirectUri, params.getFirst("state"), null, null,
            params.getFirst("scope"), params.getFirst("ui_locales"));
        if (!"code".equals(params.getFirst("response_type"))) {
            return Checked.answer(back(trusted, Map.of("error", "unsupported_response_type",
                "error_description", "Only response_type=code is supported.")));
        }
        if (!"S256".equals(params.getFirst("code_challenge_method"))) {
            return Checked.answer(back(trusted, Map.of("error", "invalid_request",
                "error_description", "PKCE is required, with code_challenge_method=S256.")));
        }
        String challenge = params.getFirst("code_challenge");
        if (challenge == null || !AuthorizationCodes.CHALLENGE.matcher(challenge).matches()) {
            return Checked.answer(back(trusted, Map.of("error", "invalid_request",
                "error_description", "code_challenge must be the BASE64URL of a SHA-256 (43 characters).")));
        }
        return new Checked(client.get(), redirectUri, trusted.state(), challenge, null, trusted.scope(),
            trusted.uiLocales());
    }

    private Response form(Checked checked, Locale locale, String error, int status) {
        String csrf = newCsrf();
        Map<String, String> hidden = hidden(checked);
        String html = SignInPage.form(locale, checked.client().name, hidden, csrf, error,
            otherLanguage(hidden, locale), config.mobileSignIn().enabled());
        return page(html, csrf, locale, status);
    }

    /** The page that asks for the code sent to {@code mobile}. */
    private Response codeForm(Checked checked, Locale locale, String mobile, String error, int status) {
        String csrf = newCsrf();
        Map<String, String> hidden = hidden(checked);
        String html = SignInPage.codeForm(locale, checked.client().name, hidden, csrf, error, mobile,
            "/oauth2/authorize?" + query(hidden), otherLanguage(hidden, locale));
        return page(html, csrf, locale, status);
    }

    private static String newCsrf() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The authorization request's parameters, for the forms' hidden fields and the page's links. */
    private static Map<String, String> hidden(Checked checked) {
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("response_type", "code");
        hidden.put("client_id", checked.client().clientId);
        hidden.put("redirect_uri", checked.redirectUri());
        hidden.put("code_challenge", checked.challenge());
        hidden.put("code_challenge_method", "S256");
        hidden.put("state", checked.state());
        hidden.put("scope", checked.scope());
        hidden.put("ui_locales", checked.uiLocales());
        return hidden;
    }

    private static String otherLanguage(Map<String, String> hidden, Locale locale) {
        Map<String, String> other = new LinkedHashMap<>(hidden);
        other.put("ui_locales", Messages.ENGLISH.equals(locale) ? "fa" : "en");
        return "/oauth2/authorize?" + query(other);
    }

    private Response page(String html, String csrf, Locale locale, int status) {
        boolean https = "https".equalsIgnoreCase(request.scheme());
        return Response.status(status).type(HTML).entity(html)
            .header("Content-Security-Policy", SignInPage.CONTENT_SECURITY_POLICY)
            .header("Cache-Control", "no-store")
            .header("Content-Language", Messages.ENGLISH.equals(locale) ? "en" : "fa")
            .cookie(new NewCookie.Builder(CSRF_COOKIE).value(csrf).path("/oauth2/authorize").httpOnly(true)
                .secure(https).sameSite(NewCookie.SameSite.STRICT).maxAge(1800).build())
            .build();
    }

    private static Response errorPage(Locale locale, String key) {
        return Response.status(400).type(HTML).entity(SignInPage.error(locale, key))
            .header("Content-Security-Policy", SignInPage.CONTENT_SECURITY_POLICY)
            .header("Cache-Control", "no-store")
            .build();
    }

    /** 303 to the registered redirect URI with these parameters and the request's state. */
    private static Response back(Checked checked, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (checked.state() != null) {
            all.put("state", checked.state());
        }
        String target = checked.redirectUri() + (checked.redirectUri().contains("?") ? "&" : "?") + query(all);
        return Response.status(303).header(HttpHeaders.LOCATION, target).header("Cache-Control", "no-store").build();
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    /** {@code ui_locales} (space-separated, the first of fa or en) before {@code Accept-Language}. */
    static Locale locale(String uiLocales, String acceptLanguage) {
        if (uiLocales != null) {
            for (String tag : uiLocales.trim().split(" +")) {
                if (tag.startsWith("en")) {
                    return Messages.ENGLISH;
                }
                if (tag.startsWith("fa")) {
                    return Messages.PERSIAN;
                }
            }
        }
        return Messages.fromHeader(acceptLanguage);
    }

    /** A checked request, or the answer that ends it. */
    private record Checked(ApiClient client, String redirectUri, String state, String challenge, Response answer,
            String scope, String uiLocales) {

        static Checked answer(Response answer) {
            return new Checked(null, null, null, null, answer, null, null);
        }
    }

    /** The page's form, for the API document only. */
    @Schema(name = "SignInForm")
    public static class SignInForm {
        @Schema(required = true, description = "The authorization request's client_id, redirect_uri, "
            + "response_type, code_challenge, code_challenge_method, state, scope and ui_locales, as on the page")
        @JsonProperty("client_id")
        public String clientId;
        @Schema(required = true, description = "From the page; must match its cookie")
        @JsonProperty("csrf_token")
        public String csrfToken;
        @Schema(description = "action=sign-in: her username")
        public String username;
        @Schema(format = "password", description = "action=sign-in: her password")
        public String password;
        @Schema(description = "action=send-code and verify-code: a woman's mobile number, in any common form",
            examples = "09121234567")
        public String mobile;
        @Schema(description = "action=verify-code: the one-time code sent to the number (Persian digits too)")
        public String code;
        @Schema(enumeration = {"sign-in", "send-code", "verify-code", "cancel"})
        public String action;
    }
}
