package ir.tehran.womenfamily.gateway.token;

import java.util.List;

import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Demo staff users, a demo producer and sponsor, and a demo partner client for local runs, created at startup when
 * {@code gateway.demo.enabled=true} and left alone when they exist. Their password and secret come from
 * configuration only; with demo accounts disabled nothing is created.
 */
@ApplicationScoped
public class DemoAccounts {

    public static final String CLIENT_ID = "demo-partner-app";

    /** Every scope a partner app can hold, so that the README's calls work for the demo client. */
    static final List<String> CLIENT_SCOPES =
        List.of("registry.basic.read", "bazaar.read", "sponsorship.coverage.read");

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    @Inject
    GatewayConfig config;

    @Inject
    Identities identities;

    void create(@Observes StartupEvent event) {
        GatewayConfig.Demo demo = config.demo();
        if (!demo.enabled() || !config.token().enabled()) {
            return;
        }
        String password = demo.password().filter(p -> !p.isBlank()).orElseThrow(() -> new IllegalStateException(
            "gateway.demo.enabled=true needs gateway.demo.password"));
        String secret = demo.clientSecret().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
            "gateway.demo.enabled=true needs gateway.demo.client-secret"));
        int created = 0;
        created += staff("admin", password, "admin", null);
        created += staff("caseworker", password, "caseworker", List.of(5));
        created += staff("coordinator", password, "bazaar-coordinator", null);
        created += staff("officer", password, "sponsorship-officer", null);
        List<String> businesses = demo.producerBusinesses().orElse(List.of());
        if (identities.createUserIfAbsent(new Identities.NewUser("producer", password, List.of(Roles.PRODUCER),
                null, businesses, null))) {
            created++;
        } else if (!businesses.isEmpty() && identities.giveBusinessesIfNone("producer", businesses)) {
            // a data directory from before the demo producer had a business
            LOG.infof("demo producer given the businesses %s", businesses);
        }
        created += identities.createUserIfAbsent(new Identities.NewUser("sponsor", password, List.of(Roles.SPONSOR),
            null, null, demo.sponsorId().orElse(null))) ? 1 : 0;
        if (identities.createClientIfAbsent(CLIENT_ID, "Demo partner application", secret, List.of("partner-app"),
                CLIENT_SCOPES)) {
            created++;
        } else if (identities.addScopes(CLIENT_ID, CLIENT_SCOPES)) {
            // a data directory from before a scope was added to the demo client
            LOG.infof("demo client %s given the scopes %s", CLIENT_ID, CLIENT_SCOPES);
        }
        LOG.infof("demo accounts enabled: %d created, the others already existed", created);
    }

    private int staff(String username, String password, String role, List<Integer> districts) {
        return identities.createStaffUserIfAbsent(username, password, List.of(role), districts) ? 1 : 0;
    }
}
