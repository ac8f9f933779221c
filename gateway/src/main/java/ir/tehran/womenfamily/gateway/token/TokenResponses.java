package ir.tehran.womenfamily.gateway.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the token endpoint (RFC 6749 §5.1 and §5.2), never cached by anyone. */
final class TokenResponses {

    private TokenResponses() {
    }

    static Response ok(TokenIssuer.IssuedToken token) {
        return noStore(Response.ok(new AccessToken(token.jwt(), "Bearer", token.expiresIn(), token.scope(),
            token.refreshToken(), token.passwordChangeRequired() ? Boolean.TRUE : null)));
    }

    /** RFC 7009 §2.2: 200 with no body, whether or not there was anything to revoke. */
    static Response revoked() {
        return noStore(Response.ok());
    }

    static Response invalidRequest(String description) {
        return error(400, "invalid_request", description);
    }

    /** Unknown client, wrong secret or no client authentication: 401 with a Basic challenge. */
    static Response invalidClient(String description) {
        return error(401, "invalid_client", description);
    }

    static Response invalidGrant(String description) {
        return error(400, "invalid_grant", description);
    }

    /** The client may not use this grant (RFC 6749 §5.2). */
    static Response unauthorizedClient(String description) {
        return error(400, "unauthorized_client", description);
    }

    static Response invalidScope(String description) {
        return error(400, "invalid_scope", description);
    }

    static Response unsupportedGrantType(String description) {
        return error(400, "unsupported_grant_type", description);
    }

    /** Too many requests of a kind (a limit of the one-time codes): 429 with {@code Retry-After} in seconds. */
    static Response slowDown(String description, java.time.Duration retryAfter) {
        return Response.fromResponse(error(429, "slow_down", description))
            .header("Retry-After", Math.max(1, retryAfter.toSeconds())).build();
    }

    /** A service the answer depends on did not answer (RFC 6749 §4.1.2.1's temporarily_unavailable): 503. */
    static Response temporarilyUnavailable(String description) {
        return error(503, "temporarily_unavailable", description);
    }

    /** The answer to a code request, the same whether or not the number is known. */
    static Response codeSent(long expiresIn, int codeLength) {
        return noStore(Response.ok(new CodeSent(expiresIn, codeLength)));
    }

    private static Response error(int status, String error, String description) {
        Response.ResponseBuilder builder = Response.status(status).entity(new TokenError(error, description));
        if (status == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"women-family\"");
        }
        return noStore(builder);
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return builder.type(MediaType.APPLICATION_JSON_TYPE)
            .header("Cache-Control", "no-store")
            .header("Pragma", "no-cache")
            .build();
    }

    /** A successful token response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AccessTokenResponse", description = "RFC 6749 §5.1 access token response")
    record AccessToken(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @Schema(description = "Granted scopes, space-separated (client credentials only)") String scope,
        @JsonProperty("refresh_token")
        @Schema(description = "Authorization code, password and refresh_token grants: redeem once with "
            + "grant_type=refresh_token")
        String refreshToken,
        @JsonProperty("password_change_required")
        @Schema(description = "Present (true) when the person must choose a new password first: the token has "
            + "no role and serves only POST /account/password, and no refresh token comes with it")
        Boolean passwordChangeRequired) {
    }

    /** An error of the token endpoint. */
    @Schema(name = "TokenError", description = "RFC 6749 §5.2 error response")
    record TokenError(
        @Schema(enumeration = {"invalid_request", "invalid_client", "invalid_grant", "invalid_scope",
            "unauthorized_client", "unsupported_grant_type", "slow_down", "temporarily_unavailable"}) String error,
        @JsonProperty("error_description") String errorDescription) {
    }

    /** The answer to {@code POST /oauth2/mobile-code}: the same for every number. */
    @Schema(name = "MobileCodeSent", description = "A code was sent if the number can receive one; the answer is "
        + "the same for every valid mobile number")
    record CodeSent(
        @JsonProperty("expires_in") @Schema(description = "Seconds the code is valid") long expiresIn,
        @JsonProperty("code_length") @Schema(description = "Digits of the code") int codeLength) {
    }

    /** The document of GET /oauth2/jwks, for the API document only: the keys are served as the JSON they are. */
    @Schema(name = "JsonWebKeySet", description = "A JWK Set (RFC 7517): the public keys that verify access tokens")
    record JsonWebKeySet(
        @Schema(required = true, description = "Public RSA keys (kty, kid, use, alg, n, e)")
        java.util.List<java.util.Map<String, String>> keys) {
    }
}
