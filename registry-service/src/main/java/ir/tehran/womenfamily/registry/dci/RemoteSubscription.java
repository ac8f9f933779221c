package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The registry's subscription to an agency's registry for one woman and event type (table
 * {@code dci_remote_subscription}): what lets that agency's {@code notify} about her in.
 */
@Entity
@Table(name = "dci_remote_subscription")
public class RemoteSubscription extends PanacheEntityBase {

    /** Where it stands: asked, confirmed by the agency's on-subscribe (with its code), refused, or ended. */
    @Schema(name = "DciRemoteSubscriptionState")
    public enum State { REQUESTED, ACTIVE, REJECTED, UNSUBSCRIBED }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "national_code", nullable = false)
    public String nationalCode;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "transaction_id", nullable = false)
    public String transactionId;

    /** The agency's subscription code, from its on-subscribe. */
    public String code;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether it lets a notify in: asked or confirmed, not refused or ended. */
    public boolean live() {
        return state == State.REQUESTED || state == State.ACTIVE;
    }
}
