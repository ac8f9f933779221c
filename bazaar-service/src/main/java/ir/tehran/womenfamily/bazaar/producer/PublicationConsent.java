package ir.tehran.womenfamily.bazaar.producer;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Whether a woman consents to being listed as a producer in public and partner listings (the registry's
 * {@code BAZAAR_PUBLICATION} purpose), by her person id (a {@link Producer}'s {@code ownerId}), from the registry's
 * consent events. No row means no consent. Read through {@link Publication}, never directly by a resource.
 */
@Entity
@Table(name = "publication_consent")
public class PublicationConsent extends PanacheEntityBase {

    @Id
    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "consent_id", nullable = false)
    public UUID consentId;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "source_partition", nullable = false)
    public int sourcePartition;

    @Column(name = "source_offset", nullable = false)
    public long sourceOffset;
}
