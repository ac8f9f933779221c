package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notification released to a subscriber: one per subscription and source event, with its disclosure. */
@Entity
@Table(name = "dci_notification")
public class DciNotification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "disclosure_id", nullable = false)
    public UUID disclosureId;

    @Column(name = "released_at", nullable = false)
    public Instant releasedAt;
}
