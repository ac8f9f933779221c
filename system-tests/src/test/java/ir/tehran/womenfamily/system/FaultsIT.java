package ir.tehran.womenfamily.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.PostgresServer;
import ir.tehran.womenfamily.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults on one running system (one stack for all three, to keep the run short), each bounded in count
 * and time, on loopback only:
 * <ol>
 *   <li>the broker away for 30 s while 2,000 women are registered: every write is accepted (the outbox
 *       holds the events), and once the broker is back every event reaches sponsorship and is applied once
 *       (delivery to the topic is at least once; how many were sent twice is reported);</li>
 *   <li>the sponsorship service killed with {@code kill -9} in the middle of a stream and started again:
 *       it resumes where its committed offsets are, nothing lost, nothing applied twice;</li>
 *   <li>PostgreSQL restarted under load: the services recover by themselves, every acknowledged write is
 *       there afterwards, and the failures are prompt 503 problem+json answers inside the outage only.</li>
 * </ol>
 * The figures each step measures are printed as {@code [faults]} lines (quoted in docs/RELIABILITY.md).
 */
@OwnStack
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    /** No request may take longer than this, even while a dependency is down. */
    private static final Duration REQUEST_BOUND = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final java.util.concurrent.atomic.AtomicLong NEXT_CODE =
        new java.util.concurrent.atomic.AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L));

    private static LocalStack stack;
    private static String token;

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        stack = new LocalStack(LocalStack.Options.forTests(root, Path.of("target/faults-stack").toAbsolutePath()))
            .start();
        token = given().baseUri(stack.gatewayUrl()).formParam("grant_type", "password")
            .formParam("username", "admin").formParam("password", stack.demoCredentials().password())
            .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theBrokerAwayFor30SecondsWhile2000WomenAreRegistered() throws Exception {
        int women = 2000;
        // a steady state first: the topic exists, the registry's first requests are behind it
        List<Call> first = register(40, 2);
        first.stream().filter(c -> c.status() != 201).forEach(c -> report("warm-up: %s", c));
        List<String> warmUp = first.stream().filter(c -> c.status() == 201).map(Call::id).toList();
        assertFalse(warmUp.isEmpty(), "the registry takes writes");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
            .until(() -> count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)", warmUp)
                == warmUp.size());
        long stopped = System.nanoTime();
        stack.kafka().stop();
        try {
            brokerAway(women, stopped);
        } finally {
            stack.kafka().restart(); // whatever happened, the next steps need it (a no-op when it runs)
        }
    }

    private void brokerAway(int women, long stopped) throws Exception {
        List<Call> calls = register(women, 8);
        long written = System.nanoTime();
        for (Call c : calls) {
            assertEquals(201, c.status(), "every write accepted while the broker is away: " + c);
        }
        List<String> ids = calls.stream().map(Call::id).toList();
        assertEquals(women, Set.copyOf(ids).size());
        assertFalse(stack.kafka().isRunning(), "the writes finished while the broker was still away");
        assertEquals(women, count("registry", "select count(*) from outbox_event where published_at is null "
            + "and aggregate_id = any(?::text[])", ids), "the outbox holds every registration event");

        sleepUntil(stopped + TimeUnit.SECONDS.toNanos(30));
        long away = System.nanoTime() - stopped;
        stack.kafka().restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .until(() -> count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)", ids)
                == women);
        long drained = System.nanoTime();

        assertEquals(0, count("registry", "select count(*) from outbox_event where published_at is null "
            + "and aggregate_id = any(?::text[])", ids), "every registration event left the outbox");
        assertEquals(women, count("sponsorship", "select count(*) from processed_event p join mother m "
            + "on m.source_event_id = p.event_id where m.beneficiary_id = any(?)", ids),
            "each registration applied once");
        assertEquals(0, count("sponsorship", "select count(*) from processed_event where outcome <> 'applied' "
            + "and event_id in (select source_event_id from mother where beneficiary_id = any(?))", ids),
            "none dead-lettered");
        // delivery to the topic is at least once: a send the broker wrote but did not acknowledge in time (a
        // loaded machine, a broker just back) is sent again, and the consumers' processed-event log absorbs it
        Map<String, Long> perEvent = registrationsOnTopic(ids);
        assertEquals(women, perEvent.size(), "a registration event for every woman on the topic");
        long resent = perEvent.values().stream().mapToLong(n -> n - 1).sum();

        long[] millis = calls.stream().mapToLong(Call::millis).sorted().toArray();
        report("broker away %.1f s; %d writes accepted in %.1f s (8 client threads; p50 %d ms, p99 %d ms, "
            + "slowest %d ms); all %d in sponsorship %.1f s after the broker was back; %d events on the topic "
            + "more than once, each applied once", seconds(away), women,
            seconds(written - stopped), millis[millis.length / 2], millis[millis.length * 99 / 100],
            millis[millis.length - 1], women, seconds(drained - back), resent);
    }

    @Test
    @Order(2)
    void theSponsorshipServiceKilledInTheMiddleOfAStreamResumesWhenStartedAgain() throws Exception {
        ServiceProcess sponsorship = stack.service("sponsorship");
        int women = 300;
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<List<Call>> stream = writer.submit(() -> register(women, 2, ids));
        // kill it while the stream flows: some of it applied, the rest still being written and consumed
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
            .until(() -> count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)",
                List.copyOf(ids)) >= 30);
        sponsorship.kill();
        try {
            killedInTheStream(sponsorship, women, ids, stream, writer);
        } finally {
            if (!sponsorship.isRunning()) {
                sponsorship.start();
                sponsorship.awaitReady(Duration.ofMinutes(2));
            }
        }
    }

    private void killedInTheStream(ServiceProcess sponsorship, int women, List<String> ids,
            Future<List<Call>> stream, ExecutorService writer) throws Exception {
        long killed = System.nanoTime();
        int writtenAtKill = ids.size();
        long applied = count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)",
            List.copyOf(ids));
        List<Call> calls = stream.get(5, TimeUnit.MINUTES);
        writer.shutdown();
        for (Call c : calls) {
            assertEquals(201, c.status(), c.toString());
        }
        assertTrue(writtenAtKill < women, "killed in the middle of the stream: " + writtenAtKill);
        long before = count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)", ids);
        assertTrue(before < women, "the stream was cut in the middle: " + before);

        sponsorship.start(); // the same port, the same configuration, the same consumer group
        sponsorship.awaitReady(Duration.ofMinutes(2));
        long ready = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
            .until(() -> count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)", ids)
                == women);
        long caughtUp = System.nanoTime();

        assertEquals(women, count("sponsorship", "select count(*) from processed_event p join mother m "
            + "on m.source_event_id = p.event_id where m.beneficiary_id = any(?)", ids),
            "each registration applied once");
        assertEquals(women, count("sponsorship", "select count(distinct beneficiary_id) from mother "
            + "where beneficiary_id = any(?)", ids));
        HttpResponse<String> mother = send(HttpRequest.newBuilder(URI.create(sponsorship.baseUrl()
            + "/api/sponsorship/mothers/" + ids.get(women - 1))).header("Authorization", "Bearer " + token)
            .timeout(REQUEST_BOUND).build());
        assertEquals(200, mother.statusCode(), mother.body());

        report("sponsorship killed (kill -9) with %d of %d written women applied; restarted and ready in %.1f s; "
            + "all %d applied once %.1f s after it was ready", applied, writtenAtKill, seconds(ready - killed), women,
            seconds(caughtUp - ready));
    }

    @Test
    @Order(3)
    void postgresRestartedUnderLoad() throws Exception {
        PostgresServer postgres = stack.postgres();
        ServiceProcess registry = stack.service("registry");
        ServiceProcess sponsorship = stack.service("sponsorship");
        List<String> known = Collections.synchronizedList(new ArrayList<>(register(20, 2).stream()
            .map(Call::id).toList()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
            .until(() -> count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)",
                List.copyOf(known)) == 20);

        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.SECONDS.toNanos(90);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            clients.add(pool.submit(() -> {
                // bounded: stops when told, after 90 s, or after 3,000 requests of this thread
                for (int i = 0; i < 3000 && running.get() && System.nanoTime() < deadline; i++) {
                    Call call;
                    String name = "بار" + (thread * 10000 + i);
                    if (thread == 0 && i % 2 == 1) {
                        call = call("sponsorship read", () -> get(sponsorship, "/api/sponsorship/mothers/"
                            + known.get(ThreadLocalRandom.current().nextInt(20))));
                    } else if (i % 2 == 1) {
                        call = call("registry read", () -> get(registry, "/api/registry/beneficiaries/"
                            + known.get(ThreadLocalRandom.current().nextInt(known.size()))));
                    } else {
                        call = call("registry write", () -> post(registry, "/api/registry/beneficiaries",
                            beneficiary(name)));
                    }
                    calls.add(call);
                    if (call.status() == 201) {
                        known.add(call.id());
                    }
                    if (call.status() != 200 && call.status() != 201) {
                        sleepMillis(100);
                    }
                }
                return null;
            }));
        }
        // readiness, watched from the side
        List<Call> readiness = Collections.synchronizedList(new ArrayList<>());
        clients.add(pool.submit(() -> {
            while (running.get() && System.nanoTime() < deadline) {
                readiness.add(call("readiness", () -> send(HttpRequest.newBuilder(
                    URI.create(registry.baseUrl() + "/q/health/ready")).timeout(REQUEST_BOUND).build())));
                sleepMillis(200);
            }
            return null;
        }));

        long stopAsked;
        long down;
        long startAsked;
        long up;
        boolean stopped = false;
        try {
            sleepMillis(5000);
            stopAsked = System.nanoTime();
            stopped = true;
            postgres.stop();
            down = System.nanoTime();
            sleepMillis(8000);
            startAsked = System.nanoTime();
            postgres.startAgain();
            stopped = false;
            up = System.nanoTime();
            sleepMillis(15000);
        } finally {
            running.set(false);
            if (stopped) {
                postgres.startAgain();
            }
        }
        for (Future<?> f : clients) {
            f.get(REQUEST_BOUND.toSeconds() + 30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Call> all = List.copyOf(calls);
        List<Call> failed = all.stream().filter(c -> c.status() != 200 && c.status() != 201).toList();
        long slowest = all.stream().mapToLong(Call::millis).max().orElse(0);
        for (Call c : all) {
            assertTrue(c.millis() < REQUEST_BOUND.toMillis(), "no request hangs: " + c);
        }
        for (Call c : failed) {
            assertEquals(503, c.status(), "a failure is a 503: " + c);
            assertTrue(c.problem(), "a 503 is problem+json with Retry-After: " + c);
            // in flight when the stop began, or sent before the server was back and answering
            assertTrue(c.started() >= stopAsked - TimeUnit.SECONDS.toNanos(1), "no failure before the outage: " + c);
            assertTrue(c.started() <= up + TimeUnit.SECONDS.toNanos(3), "no failure after the recovery: " + c);
        }
        assertFalse(failed.isEmpty(), "the outage was felt by the clients");
        long okAfter = all.stream().filter(c -> c.started() > up + TimeUnit.SECONDS.toNanos(3))
            .filter(c -> c.status() == 200 || c.status() == 201).count();
        assertTrue(okAfter > 50, "the services serve again by themselves: " + okAfter);
        assertTrue(readiness.stream().anyMatch(c -> c.status() == 503 && c.started() > down
            && c.started() < startAsked), "readiness DOWN while the database is down");
        assertEquals(200, readiness.get(readiness.size() - 1).status(), "readiness UP again");

        // every write answered 201 is there, and reaches sponsorship once
        List<String> acknowledged = all.stream().filter(c -> c.status() == 201).map(Call::id).toList();
        assertEquals(acknowledged.size(), count("registry", "select count(*) from beneficiary where id = any(?)",
            acknowledged), "no acknowledged write lost");
        for (String id : acknowledged.subList(0, Math.min(acknowledged.size(), 200))) {
            assertEquals(200, get(registry, "/api/registry/beneficiaries/" + id).statusCode(), id);
        }
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
            .until(() -> count("sponsorship", "select count(*) from mother where beneficiary_id = any(?)",
                acknowledged) == acknowledged.size());
        assertEquals(acknowledged.size(), count("sponsorship", "select count(*) from processed_event p join mother m "
            + "on m.source_event_id = p.event_id where m.beneficiary_id = any(?)", acknowledged),
            "each registration applied once");
        assertEquals(0, count("sponsorship", "select count(*) from processed_event where outcome <> 'applied' "
            + "and event_id in (select source_event_id from mother where beneficiary_id = any(?))", acknowledged),
            "none dead-lettered");

        long firstFailure = failed.stream().mapToLong(Call::started).min().orElse(stopAsked);
        long lastFailureEnd = failed.stream().mapToLong(Call::ended).max().orElse(up);
        long slowestInOutage = failed.stream().mapToLong(Call::millis).max().orElse(0);
        long writes = all.stream().filter(c -> c.kind().equals("registry write")).count();
        report("PostgreSQL stopped in %.1f s, down %.1f s, started again in %.1f s; %d requests (%d writes, "
            + "%d acknowledged), %d answered 503 problem+json from %.1f s to %.1f s after the stop "
            + "(slowest 503 %d ms, slowest request %d ms); last failure ended %.1f s after PostgreSQL was "
            + "back; readiness DOWN %d times", seconds(down - stopAsked), seconds(startAsked - down),
            seconds(up - startAsked), all.size(), writes, acknowledged.size(), failed.size(),
            seconds(firstFailure - stopAsked), seconds(lastFailureEnd - stopAsked), slowestInOutage, slowest,
            seconds(lastFailureEnd - up), readiness.stream().filter(c -> c.status() == 503).count());
        assertNotEquals(0, acknowledged.size());
    }

    // ---------------------------------------------------------------------------------------------------

    /** One request as a client saw it: when it started and ended (nanoTime), its answer. */
    record Call(String kind, long started, long ended, int status, String contentType, String retryAfter,
            String body) {

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(ended - started);
        }

        String id() {
            Matcher m = ID.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json") && retryAfter != null
                && body.contains("\"status\":503");
        }

        @Override
        public String toString() {
            return kind + " " + status + " in " + millis() + " ms (" + contentType + ", Retry-After " + retryAfter
                + "): " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    private static Call call(String kind, Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> r = request.get();
        long ended = System.nanoTime();
        if (r == null) {
            return new Call(kind, started, ended, -1, null, null, "no answer within " + REQUEST_BOUND);
        }
        return new Call(kind, started, ended, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
            r.headers().firstValue("Retry-After").orElse(null), r.body());
    }

    /** Registers {@code women} women on the registry with {@code threads} clients; every call's answer. */
    private static List<Call> register(int women, int threads) throws Exception {
        return register(women, threads, Collections.synchronizedList(new ArrayList<>()));
    }

    /** The same, adding the id of each woman registered to {@code ids} as soon as she is. */
    private static List<Call> register(int women, int threads, List<String> ids) throws Exception {
        ServiceProcess registry = stack.service("registry");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<Call>>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                List<Call> mine = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < women; i = next.getAndIncrement()) {
                    int n = i;
                    Call c = call("registry write", () -> post(registry, "/api/registry/beneficiaries",
                        beneficiary("نوری" + n)));
                    mine.add(c);
                    if (c.status() == 201) {
                        ids.add(c.id());
                    }
                }
                return mine;
            }));
        }
        List<Call> calls = new ArrayList<>();
        for (Future<List<Call>> part : parts) {
            calls.addAll(part.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return calls;
    }

    private static String beneficiary(String lastName) {
        return "{\"nationalCode\":\"" + nationalCode() + "\",\"firstName\":\"مهسا\",\"lastName\":\"" + lastName
            + "\"}";
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .header("Accept-Language", "en").timeout(REQUEST_BOUND)
            .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> get(ServiceProcess service, String path) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
            .header("Authorization", "Bearer " + token).header("Accept-Language", "en").timeout(REQUEST_BOUND)
            .GET().build());
    }

    /** The answer, or null when none came within the request's bound. */
    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each registration event of these women on the topic, with how often it is there. */
    private static Map<String, Long> registrationsOnTopic(List<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        return new EventProbe(stack.kafka().bootstrapServers())
            .readAll("registry.beneficiary", Duration.ofSeconds(20)).stream()
            .filter(m -> wanted.contains(m.key()) && m.ce("type").endsWith(".registered"))
            .collect(Collectors.groupingBy(m -> m.ce("id"), Collectors.counting()));
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

    private static void report(String format, Object... args) {
        System.out.println("[faults] " + String.format(java.util.Locale.ROOT, format, args));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            sleepMillis(TimeUnit.NANOSECONDS.toMillis(left));
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Distinct valid national codes: a random start, then consecutive nine-digit bodies with their check digit. */
    private static String nationalCode() {
        while (true) {
            String code = NationalCodes.withCheckDigit(
                String.format("%09d", NEXT_CODE.getAndIncrement() % 1_000_000_000L));
            if (code != null) {
                return code;
            }
        }
    }
}
