package ir.tehran.womenfamily.gateway.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.ServiceUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * The API document of the whole system: the gateway's own merged with each service's
 * {@code /q/openapi}, fetched over HTTP and reused for a while. A service that does not answer is left
 * out and named in {@code x-unavailable-services}.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    /** A service found down is asked again sooner than a document is refreshed. */
    private static final Duration RETRY_DOWN = Duration.ofSeconds(5);

    @Inject
    Clock clock;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    OpenApiDocumentService gatewayDocument;

    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    public ObjectNode document() {
        Map<String, CompletableFuture<Fetched>> pending = new TreeMap<>();
        config.serviceUrls().forEach((name, url) -> pending.put(name, fetch(name, url)));
        SortedMap<String, JsonNode> documents = new TreeMap<>();
        List<String> unavailable = new ArrayList<>();
        pending.forEach((name, future) -> {
            Fetched fetched = future.join();
            if (fetched.document() == null) {
                unavailable.add(name);
            } else {
                documents.put(name, fetched.document());
            }
        });
        ObjectNode merged = OpenApiMerger.merge(own(), documents, unavailable);
        ObjectNode info = merged.get("info") instanceof ObjectNode existing ? existing : merged.putObject("info");
        info.put("title", "Women and Family Affairs API");
        info.put("description", "Every service of the Directorate of Women and Family Affairs, Tehran "
            + "Municipality, through the gateway. Get a token at POST /oauth2/token and send it as "
            + "Authorization: Bearer <token>.");
        return merged;
    }

    private ObjectNode own() {
        try {
            JsonNode doc = json.readTree(gatewayDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME,
                Format.JSON));
            if (doc instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("the gateway's own API document is unavailable: %s", e.getMessage());
        }
        ObjectNode empty = json.createObjectNode();
        empty.put("openapi", "3.1.0");
        empty.putObject("info").put("version", "0.6.0");
        empty.putObject("paths");
        return empty;
    }

    private CompletableFuture<Fetched> fetch(String name, URI base) {
        Fetched cached = cache.get(name);
        Instant now = Instant.now(clock);
        if (cached != null && now.isBefore(cached.expires())) {
            return CompletableFuture.completedFuture(cached);
        }
        Duration timeout = config.openapi().fetchTimeout();
        HttpRequest request = HttpRequest.newBuilder(ServiceUrls.resolve(base, "/q/openapi?format=json"))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
            .orTimeout(timeout.toMillis() + 500, TimeUnit.MILLISECONDS)
            .handle((response, failure) -> {
                JsonNode doc = null;
                if (failure != null) {
                    LOG.infof("API document of %s unavailable: %s", name, failure.getMessage());
                } else if (response.statusCode() != 200) {
                    LOG.infof("API document of %s unavailable: HTTP %d", name, response.statusCode());
                } else {
                    try {
                        doc = json.readTree(response.body());
                    } catch (IOException e) {
                        LOG.infof("API document of %s is not JSON: %s", name, e.getMessage());
                    }
                }
                Duration keep = doc == null && RETRY_DOWN.compareTo(config.openapi().cacheTtl()) < 0
                    ? RETRY_DOWN : config.openapi().cacheTtl();
                Fetched result = new Fetched(doc instanceof ObjectNode ? doc : null, Instant.now(clock).plus(keep));
                cache.put(name, result);
                return result;
            });
    }

    private record Fetched(JsonNode document, Instant expires) {
    }
}
