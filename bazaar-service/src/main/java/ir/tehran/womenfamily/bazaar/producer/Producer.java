package ir.tehran.womenfamily.bazaar.producer;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A business as the bazaar service knows it, built from the registry's {@code registry.business} events:
 * owner, category, district, whether the owner heads her household, status. Nothing more.
 */
@Entity
@Table(name = "producer")
public class Producer extends PanacheEntityBase {

    /** The registry's status of the business. */
    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    @Id
    @Column(name = "business_id")
    public UUID businessId;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "heads_household", nullable = false)
    public boolean headsHousehold;

    @Column(nullable = false)
    public String category;

    public Short district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "publication_consent", nullable = false)
    public boolean publicationConsent;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    public boolean mayApply() {
        return status == Status.ACTIVE;
    }
}
