package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure the processes this JVM starts die with it, even when it is killed with SIGKILL and no
 * shutdown hook runs.
 *
 * <p>A small {@code sh} child blocks reading its standard input, a pipe whose only writer is this JVM.
 * When this JVM dies for any reason the kernel closes the pipe, the read ends, and the watchdog sends
 * SIGTERM, then SIGKILL, to every process id registered in its pid file. PostgreSQL's postmaster is
 * started daemonised by {@code pg_ctl}, so it cannot watch a pipe itself; the broker and the services
 * are registered as well, as a second line of defence.
 */
public final class ParentWatchdog {

    private static ParentWatchdog instance;

    private final Path pidFile;
    private final Process process;

    private ParentWatchdog(Path pidFile) throws IOException {
        this.pidFile = pidFile;
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, "", StandardCharsets.UTF_8);
        String script = "cat >/dev/null; "
            + "pids=$(cat \"$0\" 2>/dev/null); "
            + "[ -z \"$pids\" ] && { rm -f \"$0\"; exit 0; }; "
            + "kill -TERM $pids 2>/dev/null; "
            + "for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $pids 2>/dev/null || break; sleep 1; done; "
            + "kill -KILL $pids 2>/dev/null; rm -f \"$0\"";
        this.process = new ProcessBuilder("sh", "-c", script, pidFile.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    }

    /** The watchdog of this JVM, started on first use; its pid file lives in {@code stateDir}. */
    public static synchronized ParentWatchdog get(Path stateDir) {
        if (instance == null) {
            try {
                instance = new ParentWatchdog(stateDir.resolve("watchdog-" + ProcessHandle.current().pid() + ".pids"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public synchronized void register(long pid) {
        append(pid + "\n");
    }

    /** Forgets a process this JVM has stopped itself, so that its id, once reused, is never signalled. */
    public synchronized void unregister(long pid) {
        try {
            String kept = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.equals(Long.toString(pid)))
                .reduce("", (a, b) -> a + b + "\n");
            Files.writeString(pidFile, kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String line) {
        try {
            Files.writeString(pidFile, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
