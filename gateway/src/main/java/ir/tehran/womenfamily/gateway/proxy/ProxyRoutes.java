package ir.tehran.womenfamily.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Routes {@code /api/<service>/...} to the service of that name, path and query unchanged, bodies
 * streamed both ways, and the DCI paths {@code /registry/...} to the registry ({@link #DCI_PREFIX}). The
 * gateway's own routes ({@code /oauth2}, {@code /openapi}, {@code /q}, ...) live outside {@code /api} and
 * {@code /registry}, so nothing of the gateway is shadowed.
 */
@ApplicationScoped
public class ProxyRoutes {

    /** Before the REST layer's catch-all route, after the framework's own early handlers. */
    static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;

    /**
     * The DCI Social Registry API keeps the standard's paths ({@code /registry/sync/search} ...): the gateway
     * serves them and forwards them to the registry's DCI resource under {@code /api/registry/dci}.
     */
    static final String DCI_PREFIX = "/registry";
    static final String DCI_SERVICE = "registry";
    static final String DCI_UPSTREAM = "/api/registry/dci";

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Breakers breakers;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    private final List<HttpClient> clients = new ArrayList<>();

    void install(@Observes Router router) {
        GatewayConfig.Proxy settings = config.proxy();
        for (Map.Entry<String, URI> service : config.serviceUrls().entrySet()) {
            String name = service.getKey();
            URI url = service.getValue();
            boolean ssl = "https".equalsIgnoreCase(url.getScheme());
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxPoolSize(settings.maxConnections())
                .setKeepAliveTimeout((int) Math.max(1, settings.responseTimeout().toSeconds()))
                .setSsl(ssl));
            clients.add(client);
            HttpProxy proxy = proxy(client, name, url, basePath(url));
            String prefix = "/api/" + name;
            router.route(prefix).order(ROUTE_ORDER).handler(ctx -> forward(proxy, ctx.request()));
            router.route(prefix + "/*").order(ROUTE_ORDER).handler(ctx -> forward(proxy, ctx.request()));
            LOG.infof("proxying %s/* to %s", prefix, url);
            if (DCI_SERVICE.equals(name)) {
                HttpProxy dci = proxy(client, name, url, basePath(url) + DCI_UPSTREAM);
                router.route(DCI_PREFIX + "/*").order(ROUTE_ORDER).handler(ctx -> forward(dci, ctx.request()));
                LOG.infof("proxying %s/* to %s%s", DCI_PREFIX, url, DCI_UPSTREAM);
            }
        }
    }

    private HttpProxy proxy(HttpClient client, String name, URI url, String basePath) {
        GatewayConfig.Proxy settings = config.proxy();
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        return HttpProxy.reverseProxy(client)
            .origin(context -> context.client().request(new RequestOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setConnectTimeout(settings.connectTimeout().toMillis())
                .setIdleTimeout(settings.responseTimeout().toMillis())))
            .addInterceptor(new GatewayInterceptor(name, basePath, json,
                maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE), breakers.of(name)));
    }

    /**
     * Hands the request to the proxy. A client that sent {@code Expect: 100-continue} (curl, .NET and Java
     * clients do before a large body) waits for the go-ahead before it sends the body: the gateway's own checks
     * (size, rate) have passed by now, so it gives it here, and the service gets a plain request. Without it
     * the client waits its own timeout (curl: one second) before sending anyway.
     */
    static void forward(HttpProxy proxy, HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            request.headers().remove(HttpHeaders.EXPECT);
            request.response().writeContinue();
        }
        proxy.handle(request);
    }

    static String basePath(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    void close(@Observes ShutdownEvent event) {
        clients.forEach(HttpClient::close);
    }
}
