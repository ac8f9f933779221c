package ir.tehran.womenfamily.system.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the contract's ITs share: where the committed contract files and the npm tools live
 * ({@code system-tests/contract/}, installed by the build: system-tests/pom.xml), where their output goes
 * ({@code system-tests/target/contract/}), and running a Node.js script of the tools.
 */
final class ContractTools {

    /** {@code -Dcontract.update=true}: rewrite the committed document and lint baseline instead of comparing. */
    static final boolean UPDATE = Boolean.getBoolean("contract.update");

    private ContractTools() {
    }

    static Path root() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    /** {@code system-tests/contract}: package.json, the linters' rule sets, the scripts, the TypeScript flow. */
    static Path tools() {
        return root().resolve("system-tests/contract");
    }

    /** {@code docs/api}: the committed aggregated document, its changelog and the versioning policy. */
    static Path docs() {
        return root().resolve("docs/api");
    }

    static Path output(String name) {
        Path dir = root().resolve("system-tests/target/contract").resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** What a script printed (standard output and error, in order) and how it ended. */
    record Run(int exit, String output) {
    }

    /** Runs {@code node <args>} in {@link #tools()} with the extra environment, at most {@code within}. */
    static Run node(Map<String, String> env, Duration within, String... args) {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile(output("logs"), "node-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(tools().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + within + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Node.js is needed for the contract's proof (README.md)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Debian's {@code chromium} on the PATH, for the browser sign-in tests; empty on a machine without it. */
    static Optional<Path> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Why a browser sign-in test is skipped on a machine without chromium. */
    static final String NO_CHROMIUM = "no chromium on the PATH: install Debian's chromium (apt-get install chromium) "
        + "to run the browser test";
}
