package ir.tehran.womenfamily.support.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The SQL of the audit log, on a connection the caller holds (inside its transaction). */
@ApplicationScoped
class AuditStore {

    private static final String COLUMNS = "seq, at, actor, client_id, roles, purpose, request_id, action, "
        + "resource_type, resource_id, outcome, detail::text, prev_hash, hash";

    @Inject
    ObjectMapper json;

    void lock(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, key);
            s.executeQuery().close();
        }
    }

    void lockShared(Connection c, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
            s.setLong(1, key);
            s.executeQuery().close();
        }
    }

    /** The link a new entry follows: the last entry, else the last anchor, else the genesis. */
    AuditChain.Link tail(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select seq, hash from audit_entry order by seq desc limit 1");
             ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                return new AuditChain.Link(rs.getLong(1), rs.getString(2));
            }
        }
        return anchor(c).orElse(AuditChain.Link.GENESIS_LINK);
    }

    /** The last anchor written by the retention job, if it ever ran. */
    Optional<AuditChain.Link> anchor(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select seq, hash from audit_anchor order by id desc limit 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(new AuditChain.Link(rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
    }

    void insert(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into audit_entry (seq, at, actor, client_id, roles, "
                + "purpose, request_id, action, resource_type, resource_id, outcome, detail, prev_hash, hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)")) {
            s.setLong(1, e.seq());
            s.setTimestamp(2, Timestamp.from(e.at()));
            s.setString(3, e.actor());
            s.setString(4, e.clientId());
            s.setString(5, e.roles());
            s.setString(6, e.purpose());
            s.setString(7, e.requestId());
            s.setString(8, e.action());
            s.setString(9, e.resourceType());
            s.setString(10, e.resourceId());
            s.setString(11, e.outcome());
            s.setString(12, toJson(e.detail()));
            s.setString(13, e.prevHash());
            s.setString(14, e.hash());
            s.executeUpdate();
        }
    }

    /** Entries after {@code afterSeq} in chain order. */
    List<AuditEntry> after(Connection c, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                + " from audit_entry where seq > ? order by seq limit ?")) {
            s.setLong(1, afterSeq);
            s.setInt(2, limit);
            return read(s);
        }
    }

    /** The newest entry older than {@code cutoff}. */
    Optional<AuditChain.Link> lastBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select seq, hash from audit_entry where at < ? order by seq desc limit 1")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new AuditChain.Link(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** Newest first, filtered; at most {@code limit} entries with {@code seq < beforeSeq} when it is given. */
    List<AuditEntry> search(Connection c, AuditQuery q, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from audit_entry where true");
        List<Object> args = new ArrayList<>();
        if (q.resourceType() != null) {
            sql.append(" and resource_type = ?");
            args.add(q.resourceType());
        }
        if (q.resourceId() != null) {
            sql.append(" and resource_id = ?");
            args.add(q.resourceId());
        }
        if (q.actor() != null) {
            sql.append(" and actor = ?");
            args.add(q.actor());
        }
        if (q.from() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.beforeSeq() != null) {
            sql.append(" and seq < ?");
            args.add(q.beforeSeq());
        }
        sql.append(" order by seq desc limit ?");
        args.add(limit);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            return read(s);
        }
    }

    private List<AuditEntry> read(PreparedStatement s) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), fromJson(rs.getString(12)),
                    rs.getString(13), rs.getString(14)));
            }
        }
        return out;
    }

    private String toJson(Map<String, String> detail) {
        try {
            return json.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not serialisable", e);
        }
    }

    /** Whatever is stored, as strings: a tampered non-string value then fails its hash instead of the read. */
    private Map<String, String> fromJson(String text) {
        Map<String, String> detail = new TreeMap<>();
        try {
            JsonNode node = json.readTree(text == null ? "{}" : text);
            node.properties().forEach(f -> detail.put(f.getKey(),
                f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString()));
        } catch (JsonProcessingException e) {
            detail.put("unreadable", text);
        }
        return detail;
    }
}
