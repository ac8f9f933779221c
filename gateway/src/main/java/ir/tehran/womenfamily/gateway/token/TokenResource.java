package ir.tehran.womenfamily.gateway.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import ir.tehran.womenfamily.gateway.token.Identities.StaffLogin;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The OAuth 2 token endpoint (RFC 6749): the client credentials grant for partner applications and
 * agencies (§4.4; the client authenticates with HTTP Basic or in the form, §2.3.1) and the resource
 * owner password grant for staff (§4.3). Also the public key set that verifies the tokens.
 */
@Path("/oauth2")
@Tag(name = "OAuth 2", description = "Access tokens for partner applications and staff")
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class);

    @Inject
    Identities identities;

    @Inject
    TokenIssuer issuer;

    @Inject
    SigningKeys keys;

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an access token",
        description = "grant_type=client_credentials (client_id and client_secret, in the form or as HTTP "
            + "Basic) or grant_type=password (username and password of a member of staff).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
        schema = @Schema(implementation = TokenRequest.class)))
    @APIResponse(responseCode = "200", description = "The token",
        content = @Content(schema = @Schema(implementation = TokenResponses.AccessToken.class)))
    @APIResponse(responseCode = "400",
        description = "invalid_request, invalid_grant, invalid_scope or unsupported_grant_type",
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
            default -> TokenResponses.unsupportedGrantType("Supported grant types: client_credentials, password.");
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
    @Operation(summary = "The public keys that verify access tokens (JWKS)")
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
        String clientId = null;
        ClientCredentials credentials;
        try {
            credentials = ClientCredentials.from(form, authorization);
        } catch (IllegalArgumentException e) {
            return TokenResponses.invalidClient(e.getMessage());
        }
        if (credentials != null) {
            if (identities.authenticateClient(credentials.id(), credentials.secret()).isEmpty()) {
                return TokenResponses.invalidClient("Unknown client or wrong client secret.");
            }
            clientId = credentials.id();
        }
        StaffLogin login = identities.authenticateStaff(username, password);
        return switch (login.outcome()) {
            case SUCCESS -> TokenResponses.ok(issuer.forStaff(login.user(), clientId));
            case LOCKED -> TokenResponses.invalidGrant(
                "The account is temporarily locked after repeated wrong passwords.");
            case REJECTED -> TokenResponses.invalidGrant("Wrong username or password.");
        };
    }

    /** A client id and secret, from HTTP Basic (form-urlencoded, RFC 6749 §2.3.1) or from the form. */
    record ClientCredentials(String id, String secret) {

        /** {@code null} when the request carries no client credentials at all. */
        static ClientCredentials from(MultivaluedMap<String, String> form, String authorization) {
            String formId = form.getFirst("client_id");
            String formSecret = form.getFirst("client_secret");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                if (formSecret != null) {
                    throw new IllegalArgumentException("Use one client authentication method, not two.");
                }
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Malformed Basic credentials.");
                }
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("Malformed Basic credentials.");
                }
                String id = urlDecode(decoded.substring(0, colon));
                if (formId != null && !formId.equals(id)) {
                    throw new IllegalArgumentException("client_id does not match the Basic credentials.");
                }
                return new ClientCredentials(id, urlDecode(decoded.substring(colon + 1)));
            }
            if (formId == null && formSecret == null) {
                return null;
            }
            if (formId == null || formSecret == null) {
                throw new IllegalArgumentException("Both client_id and client_secret are required.");
            }
            return new ClientCredentials(formId, formSecret);
        }

        private static String urlDecode(String value) {
            try {
                return URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Malformed Basic credentials.");
            }
        }
    }

    /** The token request form, for the API document only. */
    @Schema(name = "TokenRequest")
    public static class TokenRequest {
        @JsonProperty("grant_type")
        @Schema(required = true, enumeration = {"client_credentials", "password"})
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
    }
}
