package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One of the system's Quarkus applications, run from its built {@code quarkus-app} in its own JVM.
 *
 * <p>Its configuration (database password, keys, demo passwords among the rest) never goes on the command line,
 * which every user of the machine can read ({@code ps}, {@code /proc/<pid>/cmdline}): it is written to
 * {@code <runDir>/config/application.properties}, readable by the owner only (0600, in a 0700 directory), and the
 * process runs in {@code runDir}, where Quarkus reads that file (ordinal 260, above the packaged
 * {@code application.properties}). The command line holds the JVM's options and the jar only.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> config;
    private final Path logFile;
    private final Path runDir;
    private final ParentWatchdog watchdog;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> config, Path logFile, Path runDir,
            ParentWatchdog watchdog) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.config = new TreeMap<>(config);
        this.config.put("quarkus.http.port", Integer.toString(port));
        this.logFile = logFile;
        this.runDir = runDir;
        this.watchdog = watchdog;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package -DskipTests first");
        }
        try {
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>();
            command.add(KafkaBroker.javaExecutable());
            // C1 only, as for the broker: four services, Kafka and PostgreSQL share a small machine, and C2's
            // compilations of a freshly started service took a third of both cores during the first import
            // (docs/BENCHMARKS.md); SERVICE_JVM_OPTIONS=-XX:TieredStopAtLevel=4 gives C2 back
            command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dfile.encoding=UTF-8"));
            // more options for every service, after the defaults so that they win
            String extra = System.getenv("SERVICE_JVM_OPTIONS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.strip().split("\\s+")));
            }
            writeConfig();
            command.addAll(List.of("-jar", jar.toString()));
            process = new ProcessBuilder(command)
                .directory(runDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
            watchdog.register(process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(name + " did not start", e);
        }
    }

    /** The file the process reads its configuration from (owner-only), in its working directory. */
    public Path configFile() {
        return runDir.resolve("config/application.properties");
    }

    private void writeConfig() throws IOException {
        Properties p = new Properties();
        p.putAll(config);
        StringWriter out = new StringWriter();
        p.store(out, "configuration of " + name + ", written by the local stack on each start");
        Files2.writeOwnerOnly(runDir.resolve("config/application.properties"),
            out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
            .timeout(Duration.ofSeconds(3)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
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
            KafkaBroker.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + logFile);
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        watchdog.unregister(process.pid());
        process = null;
    }

    /** Kills the process outright ({@code kill -9}): no shutdown hook, no clean close of its connections. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.unregister(process.pid());
        process = null;
    }

    @Override
    public void close() {
        stop();
    }
}
