package ir.tehran.womenfamily.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.localstack.Exposure;
import org.junit.jupiter.api.Test;

/**
 * The run command keeps every secret off the command lines of the processes it starts and lets them listen on
 * the loopback address only; killed with SIGKILL, it leaves no PostgreSQL, broker or service process behind.
 */
@OwnStack
class RunCommandIT {

    @Test
    void theRunCommandExposesNothingAndKillingItLeavesNothingRunning() throws Exception {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path data = Path.of("target/run-command-stack").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("deploy/run-local").toString(),
            "--fresh", "--free-ports", "--no-demo-data", "--data-dir", data.toString())
            .redirectErrorStream(true);
        pb.environment().put("SKIP_BUILD", "1");
        Process run = pb.start();
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("Press Ctrl-C to stop")) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertTrue(ready.await(4, TimeUnit.MINUTES), () -> "the stack did not come up:\n" + output);
            synchronized (output) {
                assertTrue(output.toString().contains("Gateway:"), output::toString);
            }
            List<ProcessHandle> started = new ArrayList<>(run.descendants().toList());
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(0).trim());
            ProcessHandle.of(postmaster).ifPresent(started::add);
            assertTrue(started.size() >= 6, "expected the watchdog, broker, four apps and postgres: " + started);
            // PostgreSQL's own processes (backends, writers) are the postmaster's children
            ProcessHandle.of(postmaster).ifPresent(p -> started.addAll(p.descendants().toList()));

            assertNothingExposed(data, started);

            run.destroyForcibly();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
            while (Instant.now().isBefore(deadline) && started.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(250);
            }
            List<String> alive = started.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList();
            assertTrue(alive.isEmpty(), "still running after SIGKILL of the run command: " + alive);
        } finally {
            run.destroyForcibly();
        }
    }

    /**
     * No secret of the stack (the demo password, the client secret, the agency HMAC key, the token signing key)
     * on any command line, no {@code -D...password=...} or the like either ({@code ps -eo args} shows them to every
     * user); every listening socket on a loopback address; the files that hold the secrets the owner's only.
     */
    private static void assertNothingExposed(Path data, List<ProcessHandle> processes) throws Exception {
        Properties demo = new Properties();
        try (var in = Files.newInputStream(data.resolve("demo-credentials.properties"))) {
            demo.load(in);
        }
        JsonNode signing = new ObjectMapper().readTree(data.resolve("keys/signing-jwk.json").toFile());
        List<String> secrets = new ArrayList<>();
        for (String key : List.of("password", "client-secret", "agency-check-key")) {
            secrets.add(demo.getProperty(key));
        }
        for (String part : List.of("d", "p", "q", "dp", "dq", "qi")) {
            secrets.add(signing.path(part).asText());
        }
        assertTrue(secrets.stream().allMatch(v -> v != null && v.length() >= 12), "the secrets were read");

        List<String> onCommandLines = new ArrayList<>();
        List<String> exposed = new ArrayList<>();
        List<String> listening = new ArrayList<>();
        for (ProcessHandle p : processes) {
            onCommandLines.addAll(Exposure.secretsOnCommandLine(p.pid(), secrets));
            exposed.addAll(Exposure.nonLoopbackListeners(p.pid()));
            listening.addAll(Exposure.listeningAddresses(p.pid()));
        }
        assertEquals(List.of(), onCommandLines, "secrets on command lines");
        assertEquals(List.of(), exposed, "listening beyond the loopback address");
        // PostgreSQL, the broker (client and controller) and the four applications, at least
        assertTrue(listening.size() >= 7, "the stack's listening sockets were seen: " + listening);

        List<Path> secretFiles = new ArrayList<>(List.of(data.resolve("demo-credentials.properties"),
            data.resolve("keys/signing-jwk.json")));
        try (var configs = Files.list(data.resolve("run"))) {
            configs.forEach(dir -> secretFiles.add(dir.resolve("config/application.properties")));
        }
        assertTrue(secretFiles.size() >= 6, "the services' configuration files: " + secretFiles);
        for (Path file : secretFiles) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                file.toString());
        }
    }
}
