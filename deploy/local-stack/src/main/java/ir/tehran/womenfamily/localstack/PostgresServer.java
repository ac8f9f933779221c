package ir.tehran.womenfamily.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real PostgreSQL 17 server from the zonky embedded binaries, with a database per service.
 * Clusters are UTF-8 with a {@code C.UTF-8} ctype, which {@code pg_trgm} needs to see Persian letters.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Map<String, String> serverConfig;
    private final ParentWatchdog watchdog;
    private long postmasterPid;
    private Path binDir;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, Map<String, String> serverConfig,
            ParentWatchdog watchdog, long postmasterPid) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.serverConfig = serverConfig;
        this.watchdog = watchdog;
        this.postmasterPid = postmasterPid;
    }

    /**
     * Starts a server whose data lives in {@code dataDir}. With {@code fresh} the directory is wiped
     * first; otherwise an existing cluster is reused. {@code durable} keeps fsync on (the run command);
     * tests turn it off.
     */
    public static PostgresServer start(Path dataDir, boolean fresh, boolean durable, ParentWatchdog watchdog) {
        try {
            Files.createDirectories(dataDir.getParent());
            int port = FreePorts.allocate(1)[0];
            Map<String, String> config = new LinkedHashMap<>();
            config.put("fsync", durable ? "on" : "off");
            config.put("synchronous_commit", durable ? "on" : "off");
            config.put("full_page_writes", durable ? "on" : "off");
            config.put("max_connections", "300");
            // IPv4 loopback only, as every process of the stack ("localhost" would add ::1, and "*" everything)
            config.put("listen_addresses", LocalStack.LOOPBACK);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(fresh)
                .setPort(port)
                .setRegisterShutdownHook(true);
            config.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
            long pid = readPostmasterPid(dataDir);
            watchdog.register(pid);
            return new PostgresServer(pg, dataDir, Map.copyOf(config), watchdog, pid);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
    }

    private static long readPostmasterPid(Path dataDir) throws IOException {
        String first = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0);
        return Long.parseLong(first.trim());
    }

    public int port() {
        return postgres.getPort();
    }

    public synchronized long pid() {
        return postmasterPid;
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}: open sessions are ended with SQLState 57P01, as on a
     * restart by an operator) and waits until it is gone. {@link #startAgain()} brings the same server back
     * on the same port and data directory.
     */
    public synchronized void stop() {
        if (binDir == null) {
            // the postmaster runs from the extracted binaries; pg_ctl lies next to it
            binDir = Path.of(ProcessHandle.of(postmasterPid).flatMap(h -> h.info().command())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL " + postmasterPid + " is not running")))
                .getParent();
        }
        pgCtl(List.of("stop", "-m", "fast", "-t", "30", "-w"));
        watchdog.unregister(postmasterPid);
    }

    /** Starts the server stopped by {@link #stop()} again, on the same port with the same settings and data. */
    public synchronized void startAgain() {
        if (binDir == null) {
            throw new IllegalStateException("the server was not stopped by stop()");
        }
        StringBuilder options = new StringBuilder("-p " + port() + " -F");
        serverConfig.forEach((k, v) -> options.append(" -c ").append(k).append('=').append(v));
        pgCtl(List.of("start", "-w", "-t", "60", "-o", options.toString()));
        try {
            postmasterPid = readPostmasterPid(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        watchdog.register(postmasterPid);
    }

    private void pgCtl(List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            // as the library does: PostgreSQL refuses to run as root, and in a user namespace it is not root
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString()));
        command.addAll(arguments);
        try {
            Path log = dataDir.resolveSibling("pg_ctl.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + arguments.get(0) + " did not finish in 90 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + arguments.get(0) + " exited with " + p.exitValue()
                    + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates the database if it does not exist yet. */
    public void ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create database " + name + " template template0 encoding 'UTF8' "
                    + "lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
