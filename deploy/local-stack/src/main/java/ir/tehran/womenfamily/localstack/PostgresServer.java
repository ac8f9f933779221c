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

/**
 * One real PostgreSQL 17 server from the zonky embedded binaries, with a database per service.
 * Clusters are UTF-8 with a {@code C.UTF-8} ctype, which {@code pg_trgm} needs to see Persian letters.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final long postmasterPid;

    private PostgresServer(EmbeddedPostgres postgres, long postmasterPid) {
        this.postgres = postgres;
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
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(fresh)
                .setPort(port)
                .setRegisterShutdownHook(true)
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "300")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
            long pid = readPostmasterPid(dataDir);
            watchdog.register(pid);
            return new PostgresServer(pg, pid);
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

    public long pid() {
        return postmasterPid;
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
