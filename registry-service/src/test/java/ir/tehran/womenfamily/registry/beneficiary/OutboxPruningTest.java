package ir.tehran.womenfamily.registry.beneficiary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.support.events.OutboxPruning;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Published events leave the outbox after the retention; younger ones stay. */
@QuarkusTest
class OutboxPruningTest {

    @Inject
    OutboxPruning pruning;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyEventsPublishedBeforeTheCutoffAreRemoved() throws Exception {
        String id = RegistryApi.register(RegistryApi.admin(), "ملیحه", "پرتوی", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedAt(id) != null);
        Instant published = publishedAt(id).toInstant();

        pruning.prune(published.minusSeconds(1));
        assertEquals(1, rows(id), "published after the cutoff: kept");

        pruning.prune(published.plusMillis(1));
        assertEquals(0, rows(id), "published before the cutoff: removed");
    }

    private Timestamp publishedAt(String id) throws Exception {
        return single("select published_at from outbox_event where aggregate_id = ?", id, Timestamp.class);
    }

    private long rows(String id) throws Exception {
        return single("select count(*) from outbox_event where aggregate_id = ?", id, Long.class);
    }

    private <T> T single(String sql, String param, Class<T> type) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : null;
            }
        }
    }
}
