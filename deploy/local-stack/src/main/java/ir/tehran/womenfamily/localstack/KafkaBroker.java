package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real Kafka 4 broker (KRaft, broker and controller in one node) in its own JVM, built from the
 * {@code kafka-broker} module's classpath. It stops when this JVM dies: it reads its standard input,
 * and the only writer of that pipe is this JVM.
 *
 * <p>It can be stopped and started again on the same ports and data, which is how tests take the
 * broker away under the services and bring it back.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final ParentWatchdog watchdog;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, Path logFile, ParentWatchdog watchdog) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        this.watchdog = watchdog;
    }

    /** Starts a broker on free ports with its data in {@code dataDir}; {@code fresh} wipes it first. */
    public static KafkaBroker start(Path dataDir, boolean fresh, Path logFile, ParentWatchdog watchdog) {
        int[] ports = FreePorts.allocate(2);
        return start(dataDir, fresh, ports[0], ports[1], logFile, watchdog);
    }

    public static KafkaBroker start(Path dataDir, boolean fresh, int port, int controllerPort, Path logFile,
            ParentWatchdog watchdog) {
        if (fresh) {
            Files2.deleteRecursively(dataDir);
        }
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, logFile, watchdog);
        broker.startProcess();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and data. */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        startProcess();
    }

    private synchronized void startProcess() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", brokerClasspath(),
                "ir.tehran.womenfamily.kafkabroker.BrokerMain",
                dataDir.toAbsolutePath().toString(), Integer.toString(port), Integer.toString(controllerPort)));
            process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
            watchdog.register(process.pid());
            awaitReady(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start", e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + "; see " + logFile);
            }
            if (FreePorts.isOpen(port) && clusterAnswers()) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout + "; see " + logFile);
    }

    private boolean clusterAnswers() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops the broker cleanly (as its parent's death would) and waits for it to exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        watchdog.unregister(process.pid());
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    static String brokerClasspath() throws IOException {
        ClassLoader loader = KafkaBroker.class.getClassLoader();
        Properties location = new Properties();
        try (InputStream in = loader.getResourceAsStream("META-INF/kafka-broker/location.properties")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker module is not on the classpath; build it first");
            }
            location.load(in);
        }
        String dependencies;
        try (InputStream in = loader.getResourceAsStream("META-INF/kafka-broker/classpath.txt")) {
            dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        return location.getProperty("classes") + java.io.File.pathSeparator + dependencies;
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
