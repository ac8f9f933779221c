package ir.tehran.womenfamily.registry.dci;

import java.net.http.HttpClient;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one HTTP client of the registry's outgoing DCI calls (callbacks, and requests to agencies' registries):
 * never follows a redirect (a redirect could lead off the agency's allow-list), connects within
 * {@code registry.dci.callbacks.timeout}, HTTP/1.1.
 */
@ApplicationScoped
public class DciHttp {

    @Inject
    DciConfig config;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(config.callbacks().timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    public HttpClient client() {
        return client;
    }
}
