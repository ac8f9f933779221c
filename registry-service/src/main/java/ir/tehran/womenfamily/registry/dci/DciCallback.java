package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A DCI callback in the outbox (table {@code dci_callback}), unsigned until each attempt signs it. WITHDRAWN: a
 * woman it carries was no longer releasable to the agency when it was to be sent, so it never left.
 */
@Entity
@Table(name = "dci_callback")
public class DciCallback extends PanacheEntityBase {

    /** Where a callback stands. */
    @Schema(name = "DciCallbackStatus")
    public enum Status { PENDING, SENT, DEAD, WITHDRAWN }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String url;

    public String action;

    @Column(name = "transaction_id")
    public String transactionId;

    /** The unsigned {@code {header, message}} as JSON. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_http_status")
    public Integer lastHttpStatus;

    /** The women it releases: each must still be releasable to the agency when it is sent. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "beneficiary_ids", nullable = false)
    public UUID[] beneficiaryIds = new UUID[0];

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Version
    public long version;
}
