package ir.tehran.womenfamily.gateway.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.http.HttpServerRequest;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.web.SourceAddress;
import ir.tehran.womenfamily.gateway.token.Identities.StaffLogin;
import ir.tehran.womenfamily.gateway.token.RefreshTokens.Redemption;
import ir.tehran.womenfamily.support.sms.Mobile;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The OAuth 2 token endpoint (RFC 6749): the client credentials grant for partner applications and
 * agencies (§4.4; the client authenticates with HTTP Basic or in the form, §2.3.1), the resource owner
 * password grant for staff, producers and sponsors (§4.3) with rotating refresh tokens (§6), their
 * revocation (RFC 7009), and the public key set that verifies the tokens.
 */
@Path("/oauth2")
@Tag(name = "OAuth 2", description = "Access tokens for partner applications and staff")
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class);

    /** The only refusal of the password grant, whatever the reason (see {@link Identities#authenticateStaff}). */
    static final String LOGIN_REFUSED = "Wrong username or password, or too many attempts from this address: "
        + "wait a little and try again.";

    @Inject
    HttpServerRequest request;

    @Inject
    Identities identities;

    @Inject
    TokenIssuer issuer;

    @Inject
    SigningKeys keys;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AuthorizationCodes codes;

    @Inject
    GatewayConfig config;

    @Inject
    MobileSignIn mobileSignIn;

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueToken", summary = "Issue an access token",
        description = "grant_type=authorization_code (a code of /oauth2/authorize with its redirect_uri, "
            + "client_id and the PKCE code_verifier; a public client sends client_id alone; also returns a "
            + "refresh token), grant_type=client_credentials (client_id and client_secret, in the form or as HTTP "
            + "Basic), grant_type=password (username and password of staff, producers and sponsors, for the "
            + "clients an admin marked trusted; also returns a refresh token), grant_type=refresh_token (a "
            + "refresh token, used once) or grant_type=" + MobileSignIn.GRANT_TYPE + " (mobile and the one-time "
            + "code of POST /oauth2/mobile-code; a token with the role woman and, when the register knows the "
            + "number, the claim beneficiary_id; also returns a refresh token; client_id optional).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
        schema = @Schema(implementation = TokenRequest.class)))
    @APIResponse(responseCode = "200", description = "The token",
        content = @Content(schema = @Schema(implementation = TokenResponses.AccessToken.class)))
    @APIResponse(responseCode = "400",
        description = "invalid_request, invalid_grant, invalid_scope, unauthorized_client or "
            + "unsupported_grant_type",
        content = @Content(schema = @Schema(implementation = TokenResponses.TokenError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client",
        content = @Content(schema = @Schema(implementation = TokenResponses.TokenError.class)))
    public Response token(MultivaluedMap<String, String> form,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (form == null) {
            return TokenResponses.invalidRequest("The request has no form body.");
        }
        for (var parameter : form.entrySet()) {
            if (parameter.getValue() != null && parameter.getValue().size() > 1) {
                return TokenResponses.invalidRequest("The parameter " + parameter.getKey() + " is repeated.");
            }
        }
        String grantType = form.getFirst("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return TokenResponses.invalidRequest("grant_type is required.");
        }
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(form, authorization);
            case "password" -> password(form, authorization);
            case "refresh_token" -> refresh(form, authorization);
            case "authorization_code" -> authorizationCode(form, authorization);
            case MobileSignIn.GRANT_TYPE -> mobileCode(form, authorization);
            default -> TokenResponses.unsupportedGrantType(
                "Supported grant types: authorization_code, client_credentials, password, refresh_token, "
                    + MobileSignIn.GRANT_TYPE + ".");
        };
    }

    /** Anything but a form: an RFC 6749 error rather than a generic 415. */
    @POST
    @Path("/token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response tokenWithoutForm() {
        return TokenResponses.invalidRequest("Send the parameters as application/x-www-form-urlencoded.");
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getJwks", summary = "The public keys that verify access tokens (JWKS)",
        description = "Public: no token needed.")
    @APIResponse(responseCode = "200", description = "A JWK Set (RFC 7517) of the public keys",
        content = @Content(schema = @Schema(implementation = TokenResponses.JsonWebKeySet.class)))
    public Response jwks() {
        return Response.ok(keys.publicJwks()).header("Cache-Control", "public, max-age=300").build();
    }

    private Response clientCredentials(MultivaluedMap<String, String> form, String authorization) {
        ClientCredentials credentials;
        try {
            credentials = ClientCredentials.from(form, authorization);
        } catch (IllegalArgumentException e) {
            return TokenResponses.invalidClient(e.getMessage());
        }
        if (credentials == null) {
            return TokenResponses.invalidClient("Client authentication is required.");
        }
        Optional<ApiClient> client = identities.authenticateClient(credentials.id(), credentials.secret());
        if (client.isEmpty()) {
            LOG.infof("client authentication failed for %s", credentials.id());
            return TokenResponses.invalidClient("Unknown client or wrong client secret.");
        }
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(client.get().scopes));
        List<String> granted;
        String requested = form.getFirst("scope");
        if (requested == null || requested.isBlank()) {
            granted = new ArrayList<>(allowed);
        } else {
            granted = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(requested.trim().split(" +"))));
            for (String scope : granted) {
                if (!allowed.contains(scope)) {
                    return TokenResponses.invalidScope("The client may not have the scope " + scope + ".");
                }
            }
        }
        return TokenResponses.ok(issuer.forClient(client.get(), granted));
    }

    private Response password(MultivaluedMap<String, String> form, String authorization) {
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return TokenResponses.invalidRequest("username and password are required.");
        }
        AuthenticatedClient client = optionalClient(form, authorization);
        if (client.refusal() != null) {
            return client.refusal();
        }
        if (client.id() == null ? !config.token().passwordWithoutClient() : !client.trusted()) {
            LOG.infof("password grant refused to %s: not a trusted client",
                client.id() == null ? "a request without a client" : client.id());
            return TokenResponses.unauthorizedClient("The password grant is only for the clients an admin marked "
                + "trusted; sign in with the authorization code grant and PKCE (/oauth2/authorize).");
        }
        StaffLogin login = identities.authenticateStaff(username, password,
            SourceAddress.key(request.remoteAddress()));
        return switch (login.outcome()) {
            case SUCCESS -> login.user().mustChangePassword
                ? TokenResponses.ok(issuer.forPasswordChange(login.user(), client.id()))
                : TokenResponses.ok(issuer.forUser(login.user(), client.id(),
                    refreshTokens.startFamily(login.user(), client.id())));
            // one answer for an unknown name, a wrong password, a disabled account and a throttled address
            case REJECTED -> TokenResponses.invalidGrant(LOGIN_REFUSED);
        };
    }

    /**
     * RFC 6749 §6: a refresh token for a new access token and a new refresh token. One issued to a client
     * is redeemed by that client, authenticated; one issued without a client, without one.
     */
    private Response refresh(MultivaluedMap<String, String> form, String authorization) {
        String presented = form.getFirst("refresh_token");
        if (presented == null || presented.isBlank()) {
            return TokenResponses.invalidRequest("refresh_token is required.");
        }
        if (form.getFirst("scope") != null) {
            return TokenResponses.invalidScope("A refresh keeps the roles of the login; send no scope.");
        }
        AuthenticatedClient client = optionalClient(form, authorization);
        if (client.refusal() != null) {
            return client.refusal();
        }
        Redemption redemption = refreshTokens.redeem(presented, client.id());
        return switch (redemption.outcome()) {
            case ROTATED -> TokenResponses.ok(issuer.forUser(redemption.user(), client.id(),
                redemption.refreshToken()));
            case REUSED -> TokenResponses.invalidGrant(
                "The refresh token was already used; every token of this login is revoked. Sign in again.");
            case ACCOUNT_UNAVAILABLE -> TokenResponses.invalidGrant(
                "The account is disabled or its password must be changed; sign in again.");
            default -> TokenResponses.invalidGrant("The refresh token is invalid, expired or revoked.");
        };
    }

    /**
     * OAuth 2.1 §4.1.3: a one-time code of the authorization endpoint, redeemed by the client it was issued to
     * (a public client names itself with client_id, a confidential one authenticates) with the same redirect URI
     * and the PKCE verifier of its challenge.
     */
    private Response authorizationCode(MultivaluedMap<String, String> form, String authorization) {
        String code = form.getFirst("code");
        String redirectUri = form.getFirst("redirect_uri");
        if (code == null || code.isBlank() || redirectUri == null || redirectUri.isBlank()) {
            return TokenResponses.invalidRequest("code and redirect_uri are required.");
        }
        String verifier = form.getFirst("code_verifier");
        if (verifier == null || verifier.isBlank()) {
            return TokenResponses.invalidRequest("code_verifier is required (PKCE, RFC 7636).");
        }
        AuthenticatedClient client = optionalClient(form, authorization);
        if (client.refusal() != null) {
            return client.refusal();
        }
        if (client.id() == null) {
            return TokenResponses.invalidClient("client_id is required.");
        }
        AuthorizationCodes.Redemption redemption = codes.redeem(code, client.id(), redirectUri, verifier);
        return switch (redemption.outcome()) {
            case REDEEMED -> redemption.refreshToken() == null
                ? TokenResponses.ok(issuer.forPasswordChange(redemption.user(), client.id()))
                : TokenResponses.ok(issuer.forUser(redemption.user(), client.id(), redemption.refreshToken()));
            case REPLAYED -> TokenResponses.invalidGrant(
                "The code was already used; the tokens issued for it are revoked. Sign in again.");
            case WRONG_REDIRECT_URI -> TokenResponses.invalidGrant(
                "redirect_uri is not the one the code was issued for.");
            case WRONG_VERIFIER -> TokenResponses.invalidGrant("code_verifier does not match the code_challenge.");
            case ACCOUNT_UNAVAILABLE -> TokenResponses.invalidGrant("The account is disabled; sign in again.");
            default -> TokenResponses.invalidGrant("The code is invalid or expired.");
        };
    }

    /**
     * The mobile-code grant: a woman's number and the code sent to it ({@link MobileSignIn}). One refusal for a wrong,
     * expired, spent or unknown code and for an address that guessed too often: the answer tells nothing more.
     */
    private Response mobileCode(MultivaluedMap<String, String> form, String authorization) {
        if (!config.mobileSignIn().enabled()) {
            return TokenResponses.unsupportedGrantType("Sign-in with a one-time code is switched off.");
        }
        String code = form.getFirst("code");
        Optional<String> mobile = Mobile.e164(form.getFirst("mobile"));
        if (mobile.isEmpty() || code == null || code.isBlank()) {
            return TokenResponses.invalidRequest("mobile (a mobile number) and code are required.");
        }
        AuthenticatedClient client = optionalClient(form, authorization);
        if (client.refusal() != null) {
            return client.refusal();
        }
        MobileSignIn.Verification v = mobileSignIn.verify(mobile.get(), code.strip(),
            SourceAddress.key(request.remoteAddress()), client.id());
        return switch (v.outcome()) {
            case SIGNED_IN -> TokenResponses.ok(issuer.forUser(v.user(), client.id(), v.refreshToken()));
            case REGISTRY_UNAVAILABLE -> TokenResponses.temporarilyUnavailable(
                "The sign-in cannot be completed now; try the same code again in a moment.");
            default -> TokenResponses.invalidGrant(
                "The code is wrong, expired or used up, or too many wrong codes came from this address: "
                    + "request a new code.");
        };
    }

    /** RFC 7009: revokes a refresh token and every token of its login. Always 200, whatever the token. */
    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeRefreshToken", summary = "Revoke a refresh token (sign out)",
        description = "token=<refresh token>. A token issued to a client needs that client's authentication "
            + "(a public client sends its client_id alone). Unknown tokens are ignored (200).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
        schema = @Schema(implementation = RevocationRequest.class)))
    @APIResponse(responseCode = "200", description = "Revoked, or nothing to revoke: an empty body",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.STRING, maxLength = 0, description = "Empty")))
    @APIResponse(responseCode = "400", description = "invalid_request: no token",
        content = @Content(schema = @Schema(implementation = TokenResponses.TokenError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client",
        content = @Content(schema = @Schema(implementation = TokenResponses.TokenError.class)))
    public Response revoke(MultivaluedMap<String, String> form,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (form == null || form.getFirst("token") == null || form.getFirst("token").isBlank()) {
            return TokenResponses.invalidRequest("token is required.");
        }
        AuthenticatedClient client = optionalClient(form, authorization);
        if (client.refusal() != null) {
            return client.refusal();
        }
        String hint = form.getFirst("token_type_hint");
        if (hint == null || "refresh_token".equals(hint)) {
            refreshTokens.revoke(form.getFirst("token"), client.id());
        }
        // access tokens are not revocable: they live at most 15 minutes
        return TokenResponses.revoked();
    }

    /**
     * The client that authenticated, or the public client that named itself (client_id alone), if any; a refusal
     * when credentials came but do not check out, or a confidential client named itself without its secret.
     */
    private AuthenticatedClient optionalClient(MultivaluedMap<String, String> form, String authorization) {
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String named = form.getFirst("client_id");
        if (!basic && named != null && form.getFirst("client_secret") == null) {
            Optional<ApiClient> client = identities.usableClient(named).filter(c -> c.publicClient);
            if (client.isEmpty()) {
                LOG.infof("client %s named itself without a secret and is not a public client", named);
                return new AuthenticatedClient(null, TokenResponses.invalidClient(
                    "Unknown client, or a client with a secret that sent none."), false);
            }
            return new AuthenticatedClient(named, null, false);
        }
        ClientCredentials credentials;
        try {
            credentials = ClientCredentials.from(form, authorization);
        } catch (IllegalArgumentException e) {
            return new AuthenticatedClient(null, TokenResponses.invalidClient(e.getMessage()), false);
        }
        if (credentials == null) {
            return new AuthenticatedClient(null, null, false);
        }
        Optional<ApiClient> client = identities.authenticateClient(credentials.id(), credentials.secret());
        if (client.isEmpty()) {
            LOG.infof("client authentication failed for %s", credentials.id());
            return new AuthenticatedClient(null,
                TokenResponses.invalidClient("Unknown client or wrong client secret."), false);
        }
        return new AuthenticatedClient(credentials.id(), null, client.get().trusted);
    }

    /** {@code trusted}: an authenticated confidential client an admin opened the password grant to. */
    private record AuthenticatedClient(String id, Response refusal, boolean trusted) {
    }

    /** The token request form, for the API document only. */
    @Schema(name = "TokenRequest")
    public static class TokenRequest {
        @JsonProperty("grant_type")
        @Schema(required = true, enumeration = {"authorization_code", "client_credentials", "password",
            "refresh_token", MobileSignIn.GRANT_TYPE})
        public String grantType;
        @JsonProperty("client_id")
        @Schema(description = "client_credentials: unless sent as HTTP Basic")
        public String clientId;
        @JsonProperty("client_secret")
        @Schema(description = "client_credentials: unless sent as HTTP Basic", format = "password")
        public String clientSecret;
        @Schema(description = "client_credentials: space-separated subset of the client's scopes")
        public String scope;
        @Schema(description = "password grant")
        public String username;
        @Schema(description = "password grant", format = "password")
        public String password;
        @JsonProperty("refresh_token")
        @Schema(description = "refresh_token grant: the refresh token of the last token response")
        public String refreshToken;
        @Schema(description = "authorization_code grant: the code the authorization endpoint sent back; "
            + "mobile-code grant: the one-time code")
        public String code;
        @JsonProperty("redirect_uri")
        @Schema(description = "authorization_code grant: the redirect URI of the authorization request")
        public String redirectUri;
        @Schema(description = "mobile-code grant: the mobile number the code was sent to")
        public String mobile;
        @JsonProperty("code_verifier")
        @Schema(description = "authorization_code grant: the PKCE verifier (RFC 7636) of the code_challenge")
        public String codeVerifier;
    }

    /** The revocation form (RFC 7009), for the API document only. */
    @Schema(name = "RevocationRequest")
    public static class RevocationRequest {
        @Schema(required = true, description = "The refresh token to revoke")
        public String token;
        @JsonProperty("token_type_hint")
        @Schema(enumeration = {"refresh_token", "access_token"},
            description = "access_token: nothing is revoked (access tokens live at most 15 minutes)")
        public String tokenTypeHint;
        @JsonProperty("client_id")
        @Schema(description = "A token issued to a client: unless sent as HTTP Basic")
        public String clientId;
        @JsonProperty("client_secret")
        @Schema(description = "A token issued to a client: unless sent as HTTP Basic", format = "password")
        public String clientSecret;
    }
}
