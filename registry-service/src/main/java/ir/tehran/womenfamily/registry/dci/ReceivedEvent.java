package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A notify event received from an agency, once (table {@code dci_received_event}), and what it recorded. */
@Entity
@Table(name = "dci_received_event")
public class ReceivedEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    /** JSON list of the ids of the agency_support records it made. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "support_ids", nullable = false, columnDefinition = "jsonb")
    public String supportIds;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
