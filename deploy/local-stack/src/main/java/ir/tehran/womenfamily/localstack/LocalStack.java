package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system on one machine: one PostgreSQL server with a database per service, one Kafka
 * broker, the four services and the gateway, each in its own process. Used by the run command
 * ({@link #main}) and by the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("registry", "bazaar", "sponsorship", "notification");
    /** The one address every process of the stack listens on. */
    public static final String LOOPBACK = "127.0.0.1";
    private static final List<String> SERVICES_AND_GATEWAY = List.of("registry", "bazaar", "sponsorship",
        "notification", "gateway");

    /** How to run the stack. Ports of 0 are chosen free. */
    public record Options(Path projectRoot, Path dataDir, boolean fresh, boolean durable, int gatewayPort,
            Map<String, Integer> servicePorts, Map<String, String> extraConfig, Map<String, Integer> instances) {

        public Options(Path projectRoot, Path dataDir, boolean fresh, boolean durable, int gatewayPort,
                Map<String, Integer> servicePorts, Map<String, String> extraConfig) {
            this(projectRoot, dataDir, fresh, durable, gatewayPort, servicePorts, extraConfig, Map.of());
        }

        /** The same options, with {@code count} instances of each named service (one is the default). */
        public Options withInstances(Map<String, Integer> count) {
            return new Options(projectRoot, dataDir, fresh, durable, gatewayPort, servicePorts, extraConfig, count);
        }

        public static Options forRunCommand(Path projectRoot, Path dataDir, boolean fresh) {
            return new Options(projectRoot, dataDir, fresh, true, 8080,
                Map.of("registry", 8081, "bazaar", 8082, "sponsorship", 8083, "notification", 8084), Map.of());
        }

        public static Options forTests(Path projectRoot, Path dataDir) {
            int[] ports = FreePorts.allocate(5);
            return new Options(projectRoot, dataDir, true, false, ports[0],
                Map.of("registry", ports[1], "bazaar", ports[2], "sponsorship", ports[3], "notification", ports[4]),
                Map.of());
        }
    }

    private final Options options;
    private final ParentWatchdog watchdog;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private JwtKeys keys;
    private DemoCredentials demo;

    public LocalStack(Options options) {
        this.options = options;
        this.watchdog = ParentWatchdog.get(options.dataDir());
    }

    public LocalStack start() {
        Path data = options.dataDir();
        if (options.fresh()) {
            for (String sub : List.of("postgres", "kafka", "logs", "keys", "demo-credentials.properties",
                    "development-sms.txt")) {
                Files2.deleteRecursively(data.resolve(sub));
            }
        }
        copyApplications();
        keys = JwtKeys.ensure(data.resolve("keys"));
        demo = DemoCredentials.ensure(data.resolve("demo-credentials.properties"));
        log("starting PostgreSQL");
        postgres = PostgresServer.start(data.resolve("postgres"), options.fresh(), options.durable(), watchdog);
        for (String db : List.of("registry", "bazaar", "sponsorship", "notification", "gateway")) {
            postgres.ensureDatabase(db);
        }
        log("PostgreSQL on 127.0.0.1:" + postgres.port() + "; starting Kafka");
        kafka = KafkaBroker.start(data.resolve("kafka"), options.fresh(), data.resolve("logs/kafka.log"), watchdog);
        log("Kafka on " + kafka.bootstrapServers() + "; starting services");

        for (String name : SERVICES) {
            services.put(name, service(name, options.servicePorts().get(name), serviceConfig(name)));
            int count = options.instances().getOrDefault(name, 1);
            int[] ports = count > 1 ? FreePorts.allocate(count - 1) : new int[0];
            for (int i = 2; i <= count; i++) {
                // the same database and consumer group: the instances share the outbox and the partitions
                services.put(name + "-" + i, service(name, name + "-" + i, ports[i - 2], serviceConfig(name)));
            }
        }
        services.put("gateway", service("gateway", options.gatewayPort(), gatewayConfig()));
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess s : services.values()) {
            s.start();
            ready.add(CompletableFuture.runAsync(() -> s.awaitReady(Duration.ofMinutes(5))));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        log("all services ready");
        return this;
    }

    private ServiceProcess service(String name, int port, Map<String, String> config) {
        return service(name, name, port, config);
    }

    private static String module(String name) {
        return name.equals("gateway") ? "gateway" : name + "-service";
    }

    /**
     * Each service runs from its own copy of the built application under the data directory, not from
     * {@code <module>/target/quarkus-app}. The Quarkus runner class loader closes most jars after start-up
     * and opens them again when a class is first needed; a build of the same module while the service runs
     * ({@code ./mvnw package} in the same tree) deletes and rewrites those jars, and one failed reopening
     * leaves every later load from that jar waiting for ever (Quarkus 3.33 {@code JarFileReference}): the
     * service stops answering. See system-tests/README.md.
     */
    private void copyApplications() {
        Path apps = options.dataDir().resolve("apps");
        Files2.deleteRecursively(apps);
        for (String name : SERVICES_AND_GATEWAY) {
            Path built = options.projectRoot().resolve(module(name)).resolve("target/quarkus-app");
            if (!Files.isRegularFile(built.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(built.resolve("quarkus-run.jar")
                    + " is missing: build with ./mvnw package -DskipTests first");
            }
            Files2.copyRecursively(built, apps.resolve(module(name)));
        }
    }

    private ServiceProcess service(String name, String instance, int port, Map<String, String> config) {
        Path jar = options.dataDir().resolve("apps").resolve(module(name)).resolve("quarkus-run.jar");
        return new ServiceProcess(instance, jar, port, config,
            options.dataDir().resolve("logs/" + instance + ".log"), options.dataDir().resolve("run/" + instance),
            watchdog);
    }

    private Map<String, String> commonConfig(String database) {
        Map<String, String> c = new HashMap<>();
        c.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        c.put("quarkus.datasource.username", PostgresServer.USER);
        c.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        // this machine only: Quarkus listens on every address unless told otherwise
        c.put("quarkus.http.host", LOOPBACK);
        c.put("mp.jwt.verify.publickey.location", keys.publicJwks().toUri().toString());
        c.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        c.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        c.putAll(options.extraConfig());
        return c;
    }

    private Map<String, String> serviceConfig(String name) {
        Map<String, String> c = commonConfig(name);
        // the services publish and consume events; the gateway uses no Kafka
        c.putIfAbsent("kafka.bootstrap.servers", kafka.bootstrapServers());
        if (name.equals("registry")) {
            // the key other agencies share with the registry for the HMAC enrolment check
            c.put("registry.agency-check.key", demo.agencyKey());
            // the key sealing other agencies' registry tokens at rest (AES-256-GCM)
            c.put("registry.dci.token-key", demo.dciTokenKey());
        }
        if (name.equals("notification")) {
            // Web Push: this stack's own VAPID key pair (RFC 8292), made with the data directory's demo secrets
            c.put("notification.push.vapid-public-key", demo.vapidPublicKey());
            c.put("notification.push.vapid-private-key", demo.vapidPrivateKey());
        }
        return c;
    }

    private Map<String, String> gatewayConfig() {
        Map<String, String> c = commonConfig("gateway");
        for (String name : SERVICES) {
            c.put("gateway.services." + name + ".url", "http://127.0.0.1:" + options.servicePorts().get(name));
        }
        c.put("gateway.token.signing-key-location", keys.signingKey().toString());
        c.put("gateway.token.public-jwks-location", keys.publicJwks().toString());
        c.put("gateway.token.issuer", TestTokens.ISSUER);
        c.put("gateway.token.audience", TestTokens.AUDIENCE);
        c.put("gateway.demo.enabled", "true");
        // front ends in development on this machine
        c.put("gateway.cors.origins", "http://localhost:3000,http://localhost:5173");
        c.put("gateway.demo.password", demo.password());
        c.put("gateway.demo.client-secret", demo.clientSecret());
        // one-time sign-in codes are not sent: the development sink shows them in the gateway's log and in
        // development-sms.txt next to demo-credentials.properties (numbers masked, codes in full)
        c.put("support.sms.provider", "development");
        c.put("support.sms.development.file", developmentSmsFile().toString());
        return c;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + options.gatewayPort();
    }

    /** The first instance of a service ({@code registry}), or a further one by its name ({@code registry-2}). */
    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Every instance of a service, the first first. */
    public List<ServiceProcess> instances(String name) {
        return services.entrySet().stream()
            .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "-"))
            .map(Map.Entry::getValue).toList();
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The token signing key of this stack: the gateway signs with it and every process trusts only it. */
    public JwtKeys jwtKeys() {
        return keys;
    }

    /** Where the development SMS sink shows the messages the gateway sends (one-time sign-in codes). */
    public Path developmentSmsFile() {
        return options.dataDir().resolve("development-sms.txt");
    }

    public DemoCredentials demoCredentials() {
        return demo;
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Files2.deleteRecursively(options.dataDir().resolve("apps"));
        Files2.deleteRecursively(options.dataDir().resolve("run"));
    }

    private static void log(String message) {
        System.out.println("[local-stack] " + message);
    }

    /** The data modules on the classpath ({@code deploy/demo-data} adds the demo register). */
    private static List<StackSeed> seeds() {
        List<StackSeed> seeds = new ArrayList<>();
        java.util.ServiceLoader.load(StackSeed.class).forEach(seeds::add);
        return seeds;
    }

    /** Passwords of the demo accounts: random per data directory, never committed. */
    public record DemoCredentials(String password, String clientSecret, String agencyKey, String vapidPublicKey,
            String vapidPrivateKey, String dciTokenKey) {

        static DemoCredentials ensure(Path file) {
            try {
                Properties p = new Properties();
                if (Files.exists(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        p.load(in);
                    }
                }
                boolean changed = putIfAbsent(p, "password", random());
                changed |= putIfAbsent(p, "client-secret", random());
                changed |= putIfAbsent(p, "agency-check-key", Base64.getEncoder().encodeToString(bytes(32)));
                changed |= putIfAbsent(p, "dci-token-key", Base64.getEncoder().encodeToString(bytes(32)));
                if (!p.containsKey("vapid-public-key") || !p.containsKey("vapid-private-key")) {
                    String[] vapid = vapidKeyPair();
                    p.setProperty("vapid-public-key", vapid[0]);
                    p.setProperty("vapid-private-key", vapid[1]);
                    changed = true;
                }
                if (changed) {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    p.store(out, "demo accounts of this local stack");
                    Files2.writeOwnerOnly(file, out.toByteArray());
                } else {
                    // a file of an older run may be readable by others: it holds passwords and a key
                    Files2.writeOwnerOnly(file, Files.readAllBytes(file));
                }
                return new DemoCredentials(p.getProperty("password"), p.getProperty("client-secret"),
                    p.getProperty("agency-check-key"), p.getProperty("vapid-public-key"),
                    p.getProperty("vapid-private-key"), p.getProperty("dci-token-key"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * A P-256 key pair for VAPID, as the notification service reads it: the public key as the uncompressed point,
         * the private key as the 32-byte scalar, both base64url.
         */
        static String[] vapidKeyPair() {
            try {
                java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
                g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
                java.security.KeyPair pair = g.generateKeyPair();
                java.security.interfaces.ECPublicKey pub = (java.security.interfaces.ECPublicKey) pair.getPublic();
                byte[] point = new byte[65];
                point[0] = 4;
                System.arraycopy(fixed32(pub.getW().getAffineX()), 0, point, 1, 32);
                System.arraycopy(fixed32(pub.getW().getAffineY()), 0, point, 33, 32);
                byte[] scalar = fixed32(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS());
                Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
                return new String[] {b64.encodeToString(point), b64.encodeToString(scalar)};
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] fixed32(java.math.BigInteger n) {
            byte[] a = n.toByteArray();
            byte[] out = new byte[32];
            int len = Math.min(a.length, 32);
            System.arraycopy(a, a.length - len, out, 32 - len, len);
            return out;
        }

        private static boolean putIfAbsent(Properties p, String key, String value) {
            return p.putIfAbsent(key, value) == null;
        }

        private static String random() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(12));
        }

        private static byte[] bytes(int n) {
            byte[] bytes = new byte[n];
            new SecureRandom().nextBytes(bytes);
            return bytes;
        }
    }

    /**
     * The run command:
     * {@code LocalStack [--fresh] [--free-ports] [--no-demo-data] [--instances registry=2,sponsorship=2]
     * [--config key=value]... [--data-dir DIR] [--root DIR]}. Runs until Ctrl-C or
     * SIGTERM; stops every process it started, and if it is killed outright, the watchdog does.
     */
    public static void main(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        Path data = null;
        boolean fresh = false;
        boolean freePorts = false;
        boolean demoData = true;
        Map<String, Integer> instances = new HashMap<>();
        Map<String, String> extra = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--free-ports" -> freePorts = true;
                case "--no-demo-data" -> demoData = false;
                case "--data-dir" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "--config" -> {
                    String[] kv = args[++i].split("=", 2);
                    if (kv.length != 2) {
                        System.err.println("--config takes key=value (a setting given to every service)");
                        System.exit(2);
                    }
                    extra.put(kv[0], kv[1]);
                }
                case "--instances" -> {
                    for (String pair : args[++i].split(",")) {
                        String[] kv = pair.split("=");
                        if (kv.length != 2 || !SERVICES.contains(kv[0]) || !kv[1].matches("[1-9]")) {
                            System.err.println("--instances takes service=count pairs (count 1-9) of "
                                + String.join(", ", SERVICES));
                            System.exit(2);
                        }
                        instances.put(kv[0], Integer.parseInt(kv[1]));
                    }
                }
                default -> {
                    System.err.println("usage: LocalStack [--fresh] [--free-ports] [--no-demo-data] "
                        + "[--instances registry=2,sponsorship=2] [--config key=value]... "
                        + "[--data-dir DIR] [--root DIR]");
                    System.exit(2);
                }
            }
        }
        if (data == null) {
            data = root.resolve(".local-stack");
        }
        Options options = Options.forRunCommand(root, data, fresh);
        if (freePorts) {
            Options free = Options.forTests(root, data);
            options = new Options(root, data, fresh, true, free.gatewayPort(), free.servicePorts(), Map.of());
        }
        options = new Options(options.projectRoot(), data, fresh, true, options.gatewayPort(),
            options.servicePorts(), Map.copyOf(extra));
        LocalStack stack = new LocalStack(options.withInstances(instances));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping");
            stack.close();
            log("stopped");
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("[local-stack] failed to start: " + e.getMessage());
            System.exit(1);
        }
        // 127.0.0.1, not localhost: nothing listens on ::1, where localhost may lead first
        String gw = stack.gatewayUrl();
        System.out.println();
        System.out.println("  Gateway:      " + gw);
        System.out.println("  Swagger UI:   " + gw + "/q/swagger-ui");
        System.out.println("  Services:     " + SERVICES.stream().flatMap(n -> stack.instances(n).stream())
            .map(p -> p.name() + " " + p.baseUrl()).collect(java.util.stream.Collectors.joining(", ")));
        System.out.println("  OpenAPI:      " + gw + "/openapi  (every service in one document)");
        List<StackSeed> seeds = demoData ? seeds() : List.of();
        for (StackSeed seed : seeds) {
            System.out.println("  Demo data:    " + seed.describe() + ", in the background");
        }
        if (demoData && seeds.isEmpty()) {
            System.out.println("  Demo data:    none (deploy/demo-data is not on this classpath)");
        }
        System.out.println("  Data:         " + data + "  (logs in " + data.resolve("logs") + ")");
        System.out.println("  Demo users:   admin, caseworker, coordinator, officer, producer, sponsor  password: "
            + stack.demoCredentials().password());
        System.out.println("  Demo client:  demo-partner-app  secret: " + stack.demoCredentials().clientSecret());
        // the password goes through a pipe (printf is the shell's own), not onto curl's command line
        System.out.println("  Token:        printf 'grant_type=password&username=admin&password=%s' '"
            + stack.demoCredentials().password() + "' | curl -s " + gw + "/oauth2/token -d @-");
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        for (StackSeed seed : seeds) {
            Thread loader = new Thread(() -> {
                try {
                    seed.load(stack);
                } catch (RuntimeException e) {
                    System.err.println("[demo-data] not loaded: " + e.getMessage());
                }
            }, "demo-data");
            loader.setDaemon(true);
            loader.start();
        }
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
