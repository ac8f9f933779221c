package ir.tehran.womenfamily.registry.dci;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The DCI transactions agencies started (table {@code dci_transaction}): each with its status and, per request
 * item, its reference, status and reason, but no record: a status answer releases nothing again. An agency sees
 * only its own transactions.
 */
@ApplicationScoped
public class DciTransactions {

    private static final TypeReference<List<DciDtos.SearchResult>> ITEMS = new TypeReference<>() { };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** A transaction as kept. */
    public record Txn(String transactionId, String action, String correlationId, String status,
            List<DciDtos.SearchResult> items) {
    }

    /** Records (or, for a transaction id the agency used before, replaces) a transaction; in the caller's tx. */
    public void record(String clientId, String transactionId, String action, String correlationId, String messageId,
            String status, List<DciDtos.SearchResult> results, UUID callbackId) {
        List<DciDtos.SearchResult> items = new ArrayList<>();
        for (DciDtos.SearchResult r : results) {
            // the reference, status and reason only: never the records
            items.add(new DciDtos.SearchResult(r.referenceId(), r.timestamp(), r.status(), r.statusReasonCode(),
                r.statusReasonMessage(), null, null, r.locale()));
        }
        String itemsJson;
        try {
            itemsJson = json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("insert into dci_transaction (client_id, transaction_id, action, correlation_id, "
                + "message_id, status, items, callback_id, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) "
                + "on conflict (client_id, transaction_id) do update "
                + "set action = excluded.action, correlation_id = excluded.correlation_id, message_id = "
                + "excluded.message_id, status = excluded.status, items = excluded.items, callback_id = "
                + "excluded.callback_id, updated_at = excluded.updated_at")
            .setParameter(1, clientId).setParameter(2, transactionId).setParameter(3, action)
            .setParameter(4, correlationId).setParameter(5, messageId).setParameter(6, status)
            .setParameter(7, itemsJson).setParameter(8, callbackId)
            .setParameter(9, Instant.now(clock)).setParameter(10, Instant.now(clock))
            .executeUpdate();
    }

    /** The agency's transaction with this id, or with this correlation id. */
    public Optional<Txn> find(String clientId, String attributeType, String value) {
        String column = "correlation_id".equals(attributeType) ? "correlation_id" : "transaction_id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select transaction_id, action, correlation_id, status, "
                + "cast(items as text) from dci_transaction where client_id = ? and " + column + " = ?")
            .setParameter(1, clientId).setParameter(2, value).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        try {
            return Optional.of(new Txn((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                json.readValue((String) r[4], ITEMS)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
