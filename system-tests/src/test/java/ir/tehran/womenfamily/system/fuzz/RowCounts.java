package ir.tehran.womenfamily.system.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The rows of one service's database that a batch of requests could have written, counted so that the
 * system's own work can never move them: a rejected request must leave these counts as they were, whatever
 * the services' jobs and consumers do meanwhile.
 *
 * <ul>
 * <li>{@code audit_entry}: the {@code SUCCESS} entries that carry one of the batch's request ids
 * ({@code X-Request-Id}, which the gateway passes on and {@code Audit} records). Entries of scheduled jobs
 * ({@code system:<job>}, no request id: the rate-limit sweep audits every run that removed rows) and of
 * consumers (the request id of the event they apply) are not the batch's. {@code DENIED} and
 * {@code NOT_FOUND} entries record refused attempts by design.</li>
 * <li>{@code outbox_event}: the events that carry one of the batch's request ids.</li>
 * <li>Tables only the system writes are not counted: {@code processed_event} (consumers),
 * {@code flyway_schema_history}, {@code rate_limit*} (every request, emptied by the sweep) and
 * {@code beneficiary_code_hmac} (written by the HMAC backfill job, a copy of what {@code beneficiary}, which
 * is counted, holds).</li>
 * <li>{@code login_throttle} is not counted either: like the rate limits, it counts refusals by design (a wrong
 * current password in a password change that is otherwise well formed is refused and counted).</li>
 * <li>Every other table in full. Its other writers are held still: the consumers are caught up before a batch
 * starts ({@link #awaitIdle}), and the shared stack turns off the clock-driven jobs that change domain rows
 * (sponsorship's age-out and hold expiry). The remaining housekeeping jobs delete only rows older than the
 * stack (refresh tokens after 12 hours, idempotency keys after a day, published events and audit entries
 * after their retention) and write only audit entries without a request id.</li>
 * </ul>
 */
final class RowCounts implements AutoCloseable {

    /**
     * A prefix of request ids that {@code RequestIds} keeps as sent and that means itself in a {@code like}
     * pattern (no {@code _} or {@code %}).
     */
    private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z0-9.:-]{1,100}");
    static final List<String> NOT_COUNTED = List.of("processed_event", "flyway_schema_history",
        "beneficiary_code_hmac", "login_throttle");
    private static final List<String> DATABASES = List.of("gateway", "registry", "bazaar", "sponsorship");

    private final LocalStack stack;
    private final Admin kafka;
    private final Map<String, List<String>> tables = new java.util.concurrent.ConcurrentHashMap<>();

    RowCounts(LocalStack stack) {
        this.stack = stack;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        this.kafka = Admin.create(p);
    }

    /**
     * The counts of {@code db}, its {@code audit_entry} and {@code outbox_event} rows taken as those whose
     * request id starts with {@code requestIdPrefix}.
     */
    Map<String, Long> of(String db, String requestIdPrefix) throws SQLException {
        if (!SAFE_PREFIX.matcher(requestIdPrefix).matches()) {
            throw new IllegalArgumentException("not a request id prefix: " + requestIdPrefix);
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            List<String> parts = new ArrayList<>();
            for (String table : tables.computeIfAbsent(db, d -> tablesOf(s))) {
                parts.add(switch (table) {
                    case "audit_entry" -> "select 'audit_entry (SUCCESS, these requests)', count(*) from audit_entry "
                        + "where outcome = 'SUCCESS' and request_id like '" + requestIdPrefix + "%'";
                    case "outbox_event" -> "select 'outbox_event (these requests)', count(*) from outbox_event "
                        + "where request_id like '" + requestIdPrefix + "%'";
                    default -> "select '" + table + "', count(*) from \"" + table + "\"";
                });
            }
            try (ResultSet rs = s.executeQuery(String.join(" union all ", parts))) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The newest audit entry's sequence number in {@code db}; 0 while its log is empty. */
    long lastAuditSeq(String db) throws SQLException {
        return single(db, "select coalesce(max(seq), 0) from audit_entry", -1);
    }

    /**
     * The {@code SUCCESS} entries that scheduled jobs ({@code system:<job>}, without a request id) recorded in
     * {@code db} after entry {@code afterSeq}: what a count of every {@code SUCCESS} entry would have taken for
     * a write of the requests.
     */
    long jobEntriesAfter(String db, long afterSeq) throws SQLException {
        return single(db, "select count(*) from audit_entry where seq > ? and outcome = 'SUCCESS' "
            + "and actor like 'system:%' and request_id is null", afterSeq);
    }

    private long single(String db, String sql, long parameter) throws SQLException {
        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter >= 0) {
                s.setLong(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> tablesOf(Statement s) {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!NOT_COUNTED.contains(table) && !table.startsWith("rate_limit")) {
                    out.add(table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Waits until nothing written before is still on its way: every outbox row of every database published,
     * and every consumer group with members stable and committed up to the end of each partition it reads
     * (the consumers commit after the transaction that applied an event). Fails after {@code timeout}.
     */
    void awaitIdle(Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        String busy = busy();
        while (busy != null) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("the system did not settle in " + timeout + ": " + busy);
            }
            Thread.sleep(200);
            busy = busy();
        }
    }

    private static boolean hasOutbox(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select to_regclass('outbox_event') is not null");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** What is still in flight, or {@code null} when nothing is. */
    private String busy() throws Exception {
        for (String db : DATABASES) {
            try (Connection c = connect(db)) {
                if (!hasOutbox(c)) {
                    // the gateway publishes no events: its database has no outbox
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement(
                         "select count(*) from outbox_event where published_at is null");
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return rs.getLong(1) + " unpublished events in " + db;
                    }
                }
            }
        }
        List<String> groups = new ArrayList<>();
        for (ConsumerGroupListing g : kafka.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            groups.add(g.groupId());
        }
        if (groups.isEmpty()) {
            return null;
        }
        Map<String, ConsumerGroupDescription> described = kafka.describeConsumerGroups(groups).all()
            .get(10, TimeUnit.SECONDS);
        for (ConsumerGroupDescription group : described.values()) {
            if (group.members().isEmpty()) {
                continue; // nobody reads for it any more (a replay, a probe): nothing can arrive through it
            }
            if (group.state() != ConsumerGroupState.STABLE) {
                return "consumer group " + group.groupId() + " is " + group.state();
            }
            List<TopicPartition> assigned = new ArrayList<>();
            for (MemberDescription m : group.members()) {
                assigned.addAll(m.assignment().topicPartitions());
            }
            String lag = lag(group.groupId(), assigned);
            if (lag != null) {
                return lag;
            }
        }
        return null;
    }

    private String lag(String group, Collection<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return null;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        for (TopicPartition tp : partitions) {
            long end = ends.get(tp).offset();
            OffsetAndMetadata at = committed.get(tp);
            long done = at == null ? 0 : at.offset();
            if (done < end) {
                return "consumer group " + group + " at " + done + " of " + end + " on " + tp;
            }
        }
        return null;
    }

    private Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
    }

    /** What changed between two counts of the same database: {@code table before -> after}, or empty. */
    static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + n);
            }
        });
        return String.join(", ", changed);
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(5));
    }
}
