package ir.tehran.womenfamily.localstack;

import java.nio.file.Path;

/**
 * The PostgreSQL server, Kafka broker and signing key shared by every test of one JVM. Started on
 * first use, stopped when the JVM exits (and by the watchdog if it is killed).
 */
public final class TestInfra {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private TestInfra() {
    }

    /** Module-local state: {@code target/local-stack}, wiped at each start of a test JVM. */
    public static Path stateDir() {
        return Path.of(System.getProperty("local-stack.test-dir", "target/local-stack")).toAbsolutePath();
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            ParentWatchdog watchdog = ParentWatchdog.get(stateDir());
            postgres = PostgresServer.start(stateDir().resolve("postgres"), true, false, watchdog);
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::stopPostgres, "stop-test-postgres"));
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            ParentWatchdog watchdog = ParentWatchdog.get(stateDir());
            kafka = KafkaBroker.start(stateDir().resolve("kafka"), true, stateDir().resolve("kafka.log"), watchdog);
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::stopKafka, "stop-test-kafka"));
        }
        return kafka;
    }

    public static JwtKeys jwtKeys() {
        return JwtKeys.ensure(stateDir().resolve("jwt"));
    }

    static synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    static synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
