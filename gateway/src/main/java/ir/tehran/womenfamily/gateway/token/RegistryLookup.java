package ir.tehran.womenfamily.gateway.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.ServiceUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asks the registry, the source of who is registered, for the woman with a mobile number: {@code POST
 * /api/registry/sign-in/lookup} with {@code {"mobile": "+98..."}} in the body (never in a URL, where logs would
 * keep it), authenticated with the gateway's own short token (role {@link Roles#GATEWAY}, which the registry
 * accepts for this operation alone). The answer is {@code {"beneficiaryId": "<uuid>"}}, or
 * {@code {"beneficiaryId": null}} when the register does not know the number.
 */
@ApplicationScoped
public class RegistryLookup {

    @Inject
    GatewayConfig config;

    @Inject
    TokenIssuer issuer;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The registry did not answer, or not as agreed. */
    public static class LookupFailed extends Exception {
        LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The registry's id of the woman with this number (E.164), if it knows one. */
    public Optional<String> beneficiaryOf(String mobile) throws LookupFailed {
        GatewayConfig.Service registry = config.services().get("registry");
        if (registry == null) {
            throw new LookupFailed("no registry is configured (gateway.services.registry.url)", null);
        }
        URI uri = ServiceUrls.resolve(registry.url(), "/api/registry/sign-in/lookup");
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.mobileSignIn().lookupTimeout())
                .header("Authorization", "Bearer " + issuer.forGatewayCall("mobile-lookup"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("mobile", mobile))))
                .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new LookupFailed("the registry answered " + answer.statusCode(), null);
            }
            JsonNode id = json.readTree(answer.body()).path("beneficiaryId");
            return id.isTextual() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException e) {
            throw new LookupFailed(e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailed("interrupted", e);
        }
    }
}
