package ir.tehran.womenfamily.gateway.token;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** OpenID Provider metadata, so clients find the token endpoint and the keys by themselves. */
@Path("/.well-known/openid-configuration")
@Tag(name = "OAuth 2")
public class DiscoveryResource {

    @Inject
    GatewayConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "OpenID Provider metadata (discovery)")
    public Map<String, Object> configuration(UriInfo uri) {
        String base = config.publicUrl().map(Object::toString).orElseGet(() -> uri.getBaseUri().toString());
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", config.token().issuer());
        metadata.put("token_endpoint", base + "/oauth2/token");
        metadata.put("jwks_uri", base + "/oauth2/jwks");
        metadata.put("revocation_endpoint", base + "/oauth2/revoke");
        metadata.put("grant_types_supported", List.of("client_credentials", "password", "refresh_token"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put("revocation_endpoint_auth_methods_supported",
            List.of("none", "client_secret_basic", "client_secret_post"));
        metadata.put("response_types_supported", List.of("token"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("claims_supported",
            List.of("iss", "aud", "sub", "upn", "groups", "scope", "client_id", "districts", "businesses",
                "sponsor_id", "jti", "iat", "exp"));
        return metadata;
    }
}
