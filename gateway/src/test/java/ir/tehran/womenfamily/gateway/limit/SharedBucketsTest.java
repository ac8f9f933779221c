package ir.tehran.womenfamily.gateway.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.support.audit.AuditEntry;
import ir.tehran.womenfamily.support.audit.AuditLog;
import ir.tehran.womenfamily.support.audit.AuditQuery;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Two limiters on one database stand for two gateway replicas: they spend from one budget. The same two in
 * memory each have a budget of their own, which is what the shared store is for.
 */
@QuarkusTest
class SharedBucketsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RateLimiter limiter;

    @Inject
    AuditLog auditLog;

    @Inject
    Scheduler scheduler;

    @Test
    void twoReplicasShareOneBudget() {
        String key = "client-" + UUID.randomUUID();
        Limit first = new SharedBuckets(dataSource, "test:client", 5, Duration.ofHours(1), 100);
        Limit second = new SharedBuckets(dataSource, "test:client", 5, Duration.ofHours(1), 100);
        int allowed = 0;
        for (int i = 0; i < 5; i++) {
            allowed += first.take(key).allowed() ? 1 : 0;
            allowed += second.take(key).allowed() ? 1 : 0;
        }
        assertEquals(5, allowed, "five tokens between the two replicas, not five each");
        Limit.Decision refused = second.take(key);
        assertFalse(refused.allowed());
        // one token comes back every 12 minutes (5 an hour)
        long retry = refused.retryAfterSeconds();
        assertTrue(retry > 700 && retry <= 720, "retry after " + retry + " s");

        Limit memoryA = new Buckets(5, Duration.ofHours(1), 100);
        Limit memoryB = new Buckets(5, Duration.ofHours(1), 100);
        int inMemory = 0;
        for (int i = 0; i < 5; i++) {
            inMemory += memoryA.take(key).allowed() ? 1 : 0;
            inMemory += memoryB.take(key).allowed() ? 1 : 0;
        }
        assertEquals(10, inMemory, "per-replica buckets let a client through once per replica");
    }

    @Test
    void concurrentTakersFromTwoReplicasNeverOverspend() throws Exception {
        String key = "address-" + UUID.randomUUID();
        Limit first = new SharedBuckets(dataSource, "test:address", 20, Duration.ofHours(1), 100);
        Limit second = new SharedBuckets(dataSource, "test:address", 20, Duration.ofHours(1), 100);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Limit limit = i % 2 == 0 ? first : second;
                calls.add(() -> limit.take(key).allowed());
            }
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
                allowed += f.get() ? 1 : 0;
            }
            assertEquals(20, allowed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFastLimitIsSpentFromALeaseInMemoryNotOneDatabaseCallPerRequest() {
        String key = "client-" + UUID.randomUUID();
        // 6,000 a minute: a lease is a quarter of a second's refill, 25 tokens
        SharedBuckets fast = new SharedBuckets(dataSource, "test:lease", 6_000, Duration.ofMinutes(1), 100);
        assertEquals(25, fast.leaseSize());
        assertNull(fast.takeNow(key), "nothing leased yet: only the database can tell");
        int allowed = 0;
        for (int i = 0; i < 500; i++) {
            allowed += fast.take(key).allowed() ? 1 : 0;
        }
        assertEquals(500, allowed);
        assertTrue(fast.roundTrips() <= 2 * 500 / 25, "database calls for 500 requests: " + fast.roundTrips());
        long before = fast.roundTrips();
        Limit.Decision inMemory = fast.takeNow(key);
        if (inMemory != null) {
            assertTrue(inMemory.allowed());
            assertTrue(fast.roundTrips() - before <= 1, "a token of the lease needs no database call of its own");
        }

        // a slow limit still asks for every token, so two replicas share it exactly; the API's 600 a minute per
        // client is leased three at a time
        assertEquals(1, new SharedBuckets(dataSource, "test:slow", 60, Duration.ofMinutes(1), 100).leaseSize());
        assertEquals(3, new SharedBuckets(dataSource, "test:api", 600, Duration.ofMinutes(1), 100).leaseSize());
    }

    @Test
    void aRefusalIsRememberedUntilTheNextTokenWithoutAskingTheDatabaseAgain() {
        String key = "client-" + UUID.randomUUID();
        SharedBuckets one = new SharedBuckets(dataSource, "test:refused", 1, Duration.ofHours(1), 100);
        assertTrue(one.take(key).allowed());
        Limit.Decision refused = one.take(key);
        assertFalse(refused.allowed());
        long calls = one.roundTrips();
        for (int i = 0; i < 20; i++) {
            Limit.Decision again = one.take(key);
            assertFalse(again.allowed());
            assertTrue(again.retryAfterSeconds() > 3500, "retry after " + again.retryAfterSeconds());
        }
        assertEquals(calls, one.roundTrips(), "a flood of refused requests costs the database nothing");
    }

    @Test
    void aBucketRefillsEvenlyAndOtherKeysAndLimitsAreUntouched() throws InterruptedException {
        String key = "client-" + UUID.randomUUID();
        Limit fast = new SharedBuckets(dataSource, "test:fast", 2, Duration.ofSeconds(1), 100);
        assertTrue(fast.take(key).allowed());
        assertTrue(fast.take(key).allowed());
        assertFalse(fast.take(key).allowed());
        assertTrue(fast.take("other-" + key).allowed(), "another key has its own bucket");
        assertTrue(new SharedBuckets(dataSource, "test:other", 1, Duration.ofHours(1), 100).take(key).allowed(),
            "another limit has its own bucket for the same key");
        Thread.sleep(600);
        assertTrue(fast.take(key).allowed(), "a token came back after half a period");
    }

    @Test
    void fullBucketsAreSweptAndABrokenDatabaseFallsBackToThisReplicasMemory() throws SQLException {
        String key = "client-" + UUID.randomUUID();
        Limit fast = new SharedBuckets(dataSource, "test:sweep", 1, Duration.ofMillis(200), 100);
        assertTrue(fast.take(key).allowed());
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("update rate_limit_bucket set full_at = now() - interval '1 second' "
                + "where bucket_key = 'test:sweep:" + key + "'");
        }
        assertTrue(SharedBuckets.sweep(dataSource).deleted() >= 1);

        // a database that does not answer: the limit still holds, counted in this replica's memory
        DataSource down = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                throw new SQLException("connection refused");
            });
        Limit degraded = new SharedBuckets(down, "test:down", 2, Duration.ofHours(1), 100);
        assertTrue(degraded.take(key).allowed());
        assertTrue(degraded.take(key).allowed());
        assertFalse(degraded.take(key).allowed());
    }

    @Test
    void aSweepThatRemovedBucketsIsAuditedOnceAndAnIdleOneNotAtAll() throws SQLException {
        String job = "rate-limit-sweep";
        // the scheduled sweep would race this one for the same rows
        scheduler.pause(job);
        try {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // start from an empty table (no request is in flight while tests run one by one)
                s.executeUpdate("delete from rate_limit_bucket");
                String prefix = "test:audit:" + UUID.randomUUID();
                for (int i = 0; i < 3; i++) {
                    s.executeUpdate("insert into rate_limit_bucket (bucket_key, tokens, touched_at, full_at) values ('"
                        + prefix + ":full-" + i + "', 1, now() - interval '2 minutes', now() - interval '1 minute')");
                }
                s.executeUpdate("insert into rate_limit_bucket (bucket_key, tokens, touched_at, full_at) values ('"
                    + prefix + ":spent', 0, now(), now() + interval '1 hour')");
            }
            long lastSeq = lastEntrySeq();
            Instant before = Instant.now();
            assertEquals(3, limiter.sweepShared());

            List<AuditEntry> entries = entriesAfter("system:" + job, lastSeq);
            assertEquals(1, entries.size(), "one entry per run: " + entries);
            AuditEntry entry = entries.get(0);
            assertEquals("housekeeping.rate-limit.sweep", entry.action());
            assertEquals("rate-limit-bucket", entry.resourceType());
            assertNull(entry.resourceId());
            assertEquals("job:" + job, entry.purpose());
            assertEquals("3", entry.detail().get("rows"));
            Instant cutoff = Instant.parse(entry.detail().get("cutoff"));
            assertFalse(cutoff.isBefore(before.minusSeconds(1)) || cutoff.isAfter(Instant.now()), cutoff.toString());
            assertEquals(2, entry.detail().size(), "the count and the cutoff only, no address: " + entry.detail());

            long afterRun = lastEntrySeq();
            assertEquals(0, limiter.sweepShared(), "the spent bucket is not full yet");
            assertTrue(entriesAfter("system:" + job, afterRun).isEmpty(), "a sweep with nothing to do records nothing");
            AuditLog.Verification verification = auditLog.verify();
            assertTrue(verification.valid(), "the chain verifies: " + verification.firstBroken());
        } finally {
            scheduler.resume(job);
        }
    }

    private List<AuditEntry> entriesAfter(String actor, long seq) {
        return auditLog.search(new AuditQuery(null, null, actor, null, null, null), 50).stream()
            .filter(e -> e.seq() > seq).toList();
    }

    private long lastEntrySeq() {
        return auditLog.lastSeq();
    }
}
