package ir.tehran.womenfamily.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The run command, killed with SIGKILL, leaves no PostgreSQL, broker or service process behind. */
class RunCommandIT {

    @Test
    void killingTheRunCommandLeavesNothingRunning() throws Exception {
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
}
