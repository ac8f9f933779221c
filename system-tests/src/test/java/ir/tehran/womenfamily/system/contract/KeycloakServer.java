package ir.tehran.womenfamily.system.contract;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.ParentWatchdog;
import ir.tehran.womenfamily.localstack.PostgresServer;

/**
 * Keycloak from its distribution on Maven Central ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the
 * build into {@code target/keycloak}: system-tests/pom.xml), as an operator runs it: {@code kc.sh build} once for
 * PostgreSQL (the build-time options, remembered in a stamp file so that later runs skip it), then {@code kc.sh
 * start --optimized} on one loopback port with a fixed hostname (so the issuer is the same for the browser and the
 * services), its database in an embedded PostgreSQL of its own, and the committed realm
 * ({@code src/test/resources/keycloak/realm.json}) imported at start. It runs on the JDK of
 * {@code keycloak.java-home} (Keycloak 26 needs Java 21 or later). Passwords go through the environment, never
 * the command line; the watchdog of the local stack ends it if the test JVM dies.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM = "women-family";
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=local");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final Path javaHome;
    private final int port;
    private final Path logFile;
    private final ParentWatchdog watchdog;
    private final String adminPassword = UUID.randomUUID().toString();
    private Process process;

    KeycloakServer(int port, Path logFile, ParentWatchdog watchdog) {
        this.home = Path.of(System.getProperty("keycloak.home",
            "target/keycloak/keycloak-" + System.getProperty("keycloak.version", "26.5.6")));
        this.javaHome = Path.of(System.getProperty("keycloak.java-home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        this.port = port;
        this.logFile = logFile;
        this.watchdog = watchdog;
    }

    /** The realm's issuer, {@code iss} of its tokens: {@code http://127.0.0.1:<port>/realms/women-family}. */
    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** The realm's key set, where the services find the keys that sign its tokens. */
    String jwks() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /**
     * {@code kc.sh build} for the options {@link #start} needs, unless this unpacked distribution was built for them
     * already. Needs no database: it may run while the stack starts.
     */
    void build() {
        Path stamp = home.resolve("lib/women-family-build-options");
        String wanted = String.join(" ", BUILD_OPTIONS);
        try {
            if (Files.exists(stamp) && Files.readString(stamp).strip().equals(wanted)) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            Process build = launch(command, Map.of());
            watchdog.register(build.pid());
            if (!build.waitFor(10, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not end within 10 minutes; see " + logFile);
            }
            if (build.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed (" + build.exitValue() + "); see " + logFile);
            }
            watchdog.unregister(build.pid());
            Files.writeString(stamp, wanted + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts Keycloak on its database in {@code postgres} and waits until the realm answers (at most 10 min). */
    KeycloakServer start(PostgresServer postgres, String database) {
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " has no bin/kc.sh: the build unpacks Keycloak there "
                + "(./mvnw verify -pl system-tests -am)");
        }
        try (var realm = KeycloakServer.class.getResourceAsStream("/keycloak/realm.json")) {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            process = launch(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://127.0.0.1:" + port, "--db-url=" + postgres.jdbcUrl(database),
                "--db-username=" + PostgresServer.USER, "--import-realm",
                // one node: no cluster, so no JGroups listening on every address of the machine
                "--cache=local"),
                Map.of("KC_DB_PASSWORD", PostgresServer.PASSWORD, "KC_BOOTSTRAP_ADMIN_USERNAME", "it-admin",
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
            watchdog.register(process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // most of a start is creating Keycloak's schema: 1.5 min on this two-core machine shared with five builds,
        // 5 min at its busiest
        awaitRealm(Duration.ofMinutes(10));
        return this;
    }

    private Process launch(List<String> command, Map<String, String> env) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA", javaHome.resolve("bin/java").toString());
        // a small machine shared with the stack: a bounded heap, and C1 only, as the services run
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitRealm(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(3)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("Keycloak's realm not ready after " + timeout + "; see " + logFile);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds users and clients to the realm through Keycloak's admin API ({@code partialImport}, the representation
     * of a realm export), as its bootstrap admin.
     */
    void partialImport(Map<String, Object> resources) {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
            .formParam("username", "it-admin").formParam("password", adminPassword)
            .post("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token")
            .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(resources)
            .post("http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/partialImport")
            .then().statusCode(200);
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        watchdog.unregister(process.pid());
        process = null;
    }
}
