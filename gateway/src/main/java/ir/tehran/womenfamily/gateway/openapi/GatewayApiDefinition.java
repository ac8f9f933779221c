package ir.tehran.womenfamily.gateway.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The gateway's own API document: its title. The security schemes ({@code bearer}, {@code oauth2} with the
 * token endpoint's flows and scopes), servers, errors and headers come from the shared
 * {@code support.web.openapi.ContractFilter}, as in every service's document.
 */
@OpenAPIDefinition(info = @Info(title = "Women and Family Affairs API gateway", version = "0.6.0",
    description = "The single entry point of the Directorate of Women and Family Affairs, Tehran "
        + "Municipality: tokens, key set, discovery, and the services under /api/<service>."))
public class GatewayApiDefinition extends Application {
}
