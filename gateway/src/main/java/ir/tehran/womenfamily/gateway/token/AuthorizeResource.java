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
 * a sign-in page in Persian, right to left (English with {@code ui_locales=en} or {@code Accept-Language}), whose
 * form checks the person's password like the password grant does (same users, same login throttle) and sends a
 * one-time code to the client's redirect URI. Until the client and a redirect URI registered for it (compared
 * exactly) are known, every error is shown on the page and nothing is redirected; after that, errors go back to
 * the app ({@code error}, {@code state}). The form is protected from cross-site posts by a double-submit token
 * (an HttpOnly SameSite=Strict cookie and a hidden field that must match).
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
        description = "The page's form: the authorization request's parameters, csrf_token (from the page; it must "
            + "match the page's cookie), username, password, action (sign-in or cancel). On success, a one-time "
            + "code (valid for a minute, for this client, redirect URI and challenge) is sent to the redirect URI "
            + "with state and iss (RFC 9207); a wrong password shows the page again; cancel sends "
            + "error=access_denied.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
        schema = @Schema(implementation = SignInForm.class)))
    @APIResponse(responseCode = "303", description = "The code (or error=access_denied) sent to the redirect URI",
        headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A refused sign-in, an expired form, or an unknown client or "
        + "redirect URI, shown on the page", content = @Content(mediaType = MediaType.TEXT_HTML,
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
        if ("cancel".equals(form.getFirst("action"))) {
            return back(checked, Map.of("error", "access_denied", "error_description", "The person cancelled."));
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
        String code = codes.issue(checked.client().clientId, login.user().username, checked.redirectUri(),
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
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("response_type", "code");
        hidden.put("client_id", checked.client().clientId);
        hidden.put("redirect_uri", checked.redirectUri());
        hidden.put("code_challenge", checked.challenge());
        hidden.put("code_challenge_method", "S256");
        hidden.put("state", checked.state());
        hidden.put("scope", checked.scope());
        hidden.put("ui_locales", checked.uiLocales());
        Map<String, String> other = new LinkedHashMap<>(hidden);
        other.put("ui_locales", Messages.ENGLISH.equals(locale) ? "fa" : "en");
        String html = SignInPage.form(locale, checked.client().name, hidden, csrf, error,
            "/oauth2/authorize?" + query(other));
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
        @Schema(required = true)
        public String username;
        @Schema(required = true, format = "password")
        public String password;
        @Schema(enumeration = {"sign-in", "cancel"})
        public String action;
    }
}
