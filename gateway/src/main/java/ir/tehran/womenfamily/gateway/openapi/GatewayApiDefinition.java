package ir.tehran.womenfamily.gateway.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The gateway's own API document: its title and the two ways to present a token, a bearer JWT (what
 * every service checks) and OAuth 2 flows against the gateway's token endpoint (for Swagger UI).
 */
@OpenAPIDefinition(info = @Info(title = "Women and Family Affairs API gateway", version = "0.1.0",
    description = "The single entry point of the Directorate of Women and Family Affairs, Tehran "
        + "Municipality: tokens, key set, discovery, and the services under /api/<service>."))
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = GatewayApiDefinition.BEARER, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from POST /oauth2/token, as Authorization: Bearer <token>"),
    @SecurityScheme(securitySchemeName = GatewayApiDefinition.OAUTH2, type = SecuritySchemeType.OAUTH2,
        description = "Get a token from the gateway",
        flows = @OAuthFlows(
            clientCredentials = @OAuthFlow(tokenUrl = "/oauth2/token"),
            password = @OAuthFlow(tokenUrl = "/oauth2/token")))
})
public class GatewayApiDefinition extends Application {

    public static final String BEARER = "bearerAuth";
    public static final String OAUTH2 = "oauth2";
}
