package ir.tehran.womenfamily.registry.agencycheck;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditContext;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps {@code beneficiary_code_hmac} complete: for every configured key, computes the HMAC of every
 * woman whose row is missing or was computed from an older version of her record (a registration, an
 * import, a corrected national code, a merge, a new key), and drops the rows of keys no longer
 * configured. Runs in the background and, before each check, on demand, so an agency never gets
 * "not enrolled" for a woman whose registration has committed.
 *
 * <p>Driven by the beneficiary row's {@code version} rather than by a hook in the registration path,
 * so that every path that creates or changes a woman is covered without coupling to it.
 */
@ApplicationScoped
public class CodeHmacBackfill {

    private static final int BATCH = 500;
    static final String JOB = "agency-check-backfill";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CodeHmacKeys keys;

    @Inject
    Audit audit;

    @Scheduled(every = "${registry.agency-check.backfill-interval:30s}", delayed = "5s", identity = JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (keys.enabled()) {
            // its writes are recorded as the job's (system:agency-check-backfill)
            AuditContext.run(JOB, "job:" + JOB, this::catchUp);
        }
    }

    /** Computes every missing or stale HMAC; returns how many rows it wrote. */
    public synchronized int catchUp() {
        int total = 0;
        for (String keyId : keys.ids()) {
            int written;
            do {
                written = QuarkusTransaction.requiringNew().call(() -> batch(keyId));
                total += written;
            } while (written == BATCH);
        }
        QuarkusTransaction.requiringNew().run(this::dropRetiredKeys);
        return total;
    }

    private record Source(UUID beneficiaryId, String code, long version) {
    }

    private int batch(String keyId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Source> stale = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select b.id, b.national_code, b.version from beneficiary b "
                    + "where not exists (select 1 from beneficiary_code_hmac h where h.beneficiary_id = b.id "
                    + "and h.key_id = ? and h.source_version = b.version) limit ?")) {
                s.setString(1, keyId);
                s.setInt(2, BATCH);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stale.add(new Source(rs.getObject(1, UUID.class), rs.getString(2).strip(), rs.getLong(3)));
                    }
                }
            }
            if (stale.isEmpty()) {
                return 0;
            }
            try (PreparedStatement s = c.prepareStatement("insert into beneficiary_code_hmac (beneficiary_id, key_id, "
                    + "hmac, source_version, computed_at) values (?, ?, ?, ?, now()) "
                    + "on conflict (beneficiary_id, key_id) do update set hmac = excluded.hmac, "
                    + "source_version = excluded.source_version, computed_at = excluded.computed_at")) {
                for (Source source : stale) {
                    s.setObject(1, source.beneficiaryId());
                    s.setString(2, keyId);
                    s.setString(3, keys.hmac(keyId, source.code()).orElseThrow());
                    s.setLong(4, source.version());
                    s.addBatch();
                }
                s.executeBatch();
            }
            // derived rows (no national code leaves the table): how many, for which key
            audit.record(AuditEvent.of("agency-check.backfill", "beneficiary-code-hmac", null)
                .withDetail("keyId", keyId).withDetail("rows", stale.size()));
            return stale.size();
        }
    }

    private void dropRetiredKeys() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from beneficiary_code_hmac where key_id <> all(?)")) {
            s.setArray(1, c.createArrayOf("text", keys.ids().toArray()));
            int dropped = s.executeUpdate();
            if (dropped > 0) {
                audit.record(AuditEvent.of("agency-check.retired-keys.drop", "beneficiary-code-hmac", null)
                    .withDetail("rows", dropped));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the HMACs of retired keys", e);
        }
    }
}
