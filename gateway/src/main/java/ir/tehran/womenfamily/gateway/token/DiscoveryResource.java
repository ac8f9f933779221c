package ir.tehran.womenfamily.gateway.token;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Authorization server metadata, so clients find the token endpoint and the keys by themselves: RFC 8414 at
 * {@code /.well-known/oauth-authorization-server} and the same document at
 * {@code /.well-known/openid-configuration}, where OpenID Connect clients look. It lists only what the gateway
 * does: the authorization (code with PKCE, S256 only), token, revocation and key set endpoints, the four grants,
 * the client authentications each endpoint takes (none: a public client, or a password or refresh grant without a
 * client), the scopes and the claims of its access tokens. There is no ID token: the gateway is an OAuth 2
 * authorization server, not an OpenID provider.
 */
@Path("/.well-known")
@Tag(name = "OAuth 2")
public class DiscoveryResource {

    @Inject
    GatewayConfig config;

    @GET
    @Path("/oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAuthorizationServerMetadata",
        summary = "OAuth 2 authorization server metadata (RFC 8414)",
        description = "Public: no token needed.")
    public ServerMetadata authorizationServer(UriInfo uri) {
        return metadata(uri);
    }

    @GET
    @Path("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenIdConfiguration",
        summary = "The same metadata where OpenID Connect clients look for it (no ID tokens are issued)",
        description = "Public: no token needed.")
    public ServerMetadata openIdConfiguration(UriInfo uri) {
        return metadata(uri);
    }

    private ServerMetadata metadata(UriInfo uri) {
        String base = config.publicUrl().map(Object::toString).orElseGet(() -> uri.getBaseUri().toString());
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new ServerMetadata(config.token().issuer(), base + "/oauth2/authorize", base + "/oauth2/token",
            base + "/oauth2/jwks", base + "/oauth2/revoke",
            List.of("authorization_code", "client_credentials", "password", "refresh_token", MobileSignIn.GRANT_TYPE),
            List.of("client_secret_basic", "client_secret_post", "none"),
            List.of("client_secret_basic", "client_secret_post", "none"), List.of("code"), List.of("query"),
            List.of("S256"), true, DemoAccounts.CLIENT_SCOPES,
            List.of("iss", "aud", "sub", "upn", "groups", "scope", "client_id", "districts", "businesses",
                "sponsor_id", "beneficiary_id", "jti", "iat", "exp"), List.of("fa", "en"),
            base + "/oauth2/mobile-code");
    }

    /** RFC 8414 §2 metadata, the members the gateway can truthfully give. */
    @Schema(name = "AuthorizationServerMetadata")
    public record ServerMetadata(
        @Schema(required = true) String issuer,
        @JsonProperty("authorization_endpoint") String authorizationEndpoint,
        @JsonProperty("token_endpoint") @Schema(required = true) String tokenEndpoint,
        @JsonProperty("jwks_uri") @Schema(required = true) String jwksUri,
        @JsonProperty("revocation_endpoint") String revocationEndpoint,
        @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonProperty("revocation_endpoint_auth_methods_supported")
        List<String> revocationEndpointAuthMethodsSupported,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("response_modes_supported") List<String> responseModesSupported,
        @JsonProperty("code_challenge_methods_supported")
        @Schema(description = "S256 only (RFC 7636; OAuth 2.1)") List<String> codeChallengeMethodsSupported,
        @JsonProperty("authorization_response_iss_parameter_supported")
        @Schema(description = "The code comes back with iss (RFC 9207)") boolean authorizationResponseIssParameter,
        @JsonProperty("scopes_supported") List<String> scopesSupported,
        @JsonProperty("claims_supported") @Schema(description = "The claims of the access tokens")
        List<String> claimsSupported,
        @JsonProperty("ui_locales_supported") List<String> uiLocalesSupported,
        @JsonProperty("mobile_code_endpoint")
        @Schema(description = "Where a woman asks for a one-time code (then grant_type " + MobileSignIn.GRANT_TYPE
            + " at the token endpoint)") String mobileCodeEndpoint) {
    }
}
