package ir.tehran.womenfamily.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.PostgresServer;
import ir.tehran.womenfamily.localstack.ServiceProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances each of the registry and the sponsorship service on one broker and one database each:
 * both registries take writes and their outbox relays share the work (one at a time, by an advisory
 * lock); both sponsorship instances consume, sharing the partitions of one consumer group. Then one of
 * each is killed with {@code kill -9} in the middle of the stream: the survivors take over, and every
 * woman arrives in sponsorship once — nothing lost, nothing applied twice.
 */
@OwnStack
class ScaleOutIT {

    private static final int WOMEN = 120;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        stack = new LocalStack(LocalStack.Options.forTests(root, Path.of("target/scale-out-stack").toAbsolutePath())
            .withInstances(Map.of("registry", 2, "sponsorship", 2))).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void twoInstancesShareTheWorkAndTheSurvivorsTakeOverWhenOneOfEachIsKilled() throws Exception {
        List<ServiceProcess> registries = stack.instances("registry");
        List<ServiceProcess> sponsorships = stack.instances("sponsorship");
        assertEquals(2, registries.size());
        assertEquals(2, sponsorships.size());
        awaitGroupMembers(2);

        String token = given().baseUri(stack.gatewayUrl()).formParam("grant_type", "password")
            .formParam("username", "caseworker").formParam("password", stack.demoCredentials().password())
            .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WOMEN; i++) {
            if (i == WOMEN / 3) {
                sponsorships.get(1).kill(); // a consumer dies in the middle of the stream
            }
            if (i == 2 * WOMEN / 3) {
                registries.get(0).kill(); // so does a registry, and with it perhaps the relay that held the lock
            }
            ServiceProcess target = registries.get(i % 2).isRunning() ? registries.get(i % 2) : registries.get(1);
            ids.add(given().baseUri(target.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"مهسا\","
                    + "\"lastName\":\"نوری" + i + "\"}")
                .post("/api/registry/beneficiaries").then().statusCode(201).extract().path("id"));
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .until(() -> count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)", ids)
                == WOMEN);
        assertEquals(0, count("registry", "select count(*) from outbox_event where published_at is null "
            + "and aggregate_id = any(?::text[])", ids), "every registration event left the outbox");
        assertEquals(WOMEN, count("sponsorship", "select count(*) from processed_event p join mother m "
            + "on m.source_event_id = p.event_id where m.beneficiary_id = any(?)", ids),
            "each registration applied once");

        // on the topic: each registration event exactly once, whichever relay sent it
        Set<String> wanted = Set.copyOf(ids);
        List<EventProbe.Message> registrations = new EventProbe(stack.kafka().bootstrapServers())
            .readAll("registry.beneficiary", Duration.ofSeconds(20)).stream()
            .filter(m -> wanted.contains(m.key()) && m.ce("type").endsWith(".registered")).toList();
        Map<String, Long> perEvent = registrations.stream()
            .collect(Collectors.groupingBy(m -> m.ce("id"), Collectors.counting()));
        assertEquals(WOMEN, registrations.stream().map(EventProbe.Message::key).distinct().count(),
            "a registration event for every woman on the topic");
        assertTrue(perEvent.values().stream().allMatch(n -> n == 1), "no event sent twice: " + perEvent);
        awaitGroupMembers(1);
    }

    /** Waits until the sponsorship service's consumer group of registry events has {@code members} members. */
    private static void awaitGroupMembers(int members) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("sponsorship-registry")).all()
                    .get().get("sponsorship-registry");
                return group != null && group.members().size() == members;
            });
        }
    }

    private static long count(String db, String sql, List<String> ids) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(db), PostgresServer.USER,
                PostgresServer.PASSWORD);
             PreparedStatement s = c.prepareStatement(sql)) {
            boolean text = sql.contains("::text[]");
            Object[] values = text ? ids.toArray() : ids.stream().map(UUID::fromString).toArray();
            Array array = c.createArrayOf(text ? "text" : "uuid", values);
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
