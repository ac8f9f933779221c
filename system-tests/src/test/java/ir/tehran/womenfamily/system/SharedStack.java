package ir.tehran.womenfamily.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ir.tehran.womenfamily.localstack.LocalStack;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running system shared by the test classes that do not need one of their own ({@code WholeSystemIT},
 * the bad-input run): started by the first class that asks for it, stopped when the whole test run ends,
 * which saves a start-up (PostgreSQL, Kafka, three services and the gateway) per class.
 *
 * <p>The gateway's limits on abuse are raised so far that they never answer: the bad-input run sends
 * thousands of requests from one address and one client, and those limits are tested on their own. The
 * sponsorship's clock-driven jobs (age-out, hold expiry) are off, as in that service's own tests.
 */
public final class SharedStack implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    private static volatile LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
            .computeIfAbsent(Running.class, type -> new Running(start()), Running.class);
        stack = running.stack();
    }

    /** The running system; only inside a class extended with {@link SharedStack}. */
    public static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the class must be annotated @ExtendWith(SharedStack.class)");
        }
        return stack;
    }

    private static LocalStack start() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        LocalStack.Options base = LocalStack.Options.forTests(root, Path.of("target/system-stack").toAbsolutePath());
        Map<String, String> config = new HashMap<>();
        for (String limit : List.of("token.per-address", "admin.per-address", "admin.per-client", "api.per-address",
                "api.per-client", "other.per-address")) {
            config.put("gateway.rate-limit.groups." + limit + ".capacity", "1000000");
        }
        // held still, as in the sponsorship's own tests: the jobs that change domain rows on the clock (a child
        // ageing out at 00:30 Tehran time, a hold expiring) would move the rows the fuzz runs count (RowCounts)
        config.put("sponsorship.age-out.cron", "off");
        config.put("sponsorship.matching.expiry-every", "off");
        LocalStack stack = new LocalStack(new LocalStack.Options(base.projectRoot(), base.dataDir(), base.fresh(),
            base.durable(), base.gatewayPort(), base.servicePorts(), config));
        try {
            return stack.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** Closed by JUnit when the root context (the whole run) ends. */
    private record Running(LocalStack stack) implements AutoCloseable {

        @Override
        public void close() {
            SharedStack.stack = null;
            stack.close();
        }
    }
}
