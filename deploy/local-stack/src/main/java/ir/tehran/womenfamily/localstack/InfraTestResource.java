package ir.tehran.womenfamily.localstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a module's {@code @QuarkusTest}s a real PostgreSQL database and a real Kafka broker. Use it
 * once per module with {@code @WithTestResource(value = InfraTestResource.class, scope = GLOBAL)}, and
 * name the database with the init argument {@code database}; a module that uses no Kafka (the gateway)
 * passes {@code kafka=false} and no broker is started.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private boolean kafka = true;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        kafka = Boolean.parseBoolean(initArgs.getOrDefault("kafka", "true"));
    }

    @Override
    public Map<String, String> start() {
        PostgresServer pg = TestInfra.postgres();
        pg.ensureDatabase(database);
        JwtKeys keys = TestInfra.jwtKeys();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        if (kafka) {
            config.put("kafka.bootstrap.servers", TestInfra.kafka().bootstrapServers());
        }
        config.put("mp.jwt.verify.publickey.location", keys.publicJwks().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        return config;
    }

    @Override
    public void stop() {
        TestInfra.stopKafka();
        TestInfra.stopPostgres();
    }
}
