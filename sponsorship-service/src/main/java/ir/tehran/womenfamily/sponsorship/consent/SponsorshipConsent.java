package ir.tehran.womenfamily.sponsorship.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Whether a mother consents to her children being matched and shown to sponsors (the registry's
 * {@code SPONSORSHIP} purpose), from the registry's consent events. No row means no consent: a child is matched
 * or shown to a sponsor only when her mother's row is active.
 */
@Entity
@Table(name = "sponsorship_consent")
public class SponsorshipConsent extends PanacheEntityBase {

    @Id
    @Column(name = "mother_id")
    public UUID motherId;

    @Column(nullable = false)
    public boolean active;

    /** The registry's consent the last applied event was about. */
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

    /** Whether the mother consents now. */
    public static boolean given(UUID motherId) {
        return motherId != null && count("motherId = ?1 and active = true", motherId) > 0;
    }

    /** Those of {@code mothers} who consent now. */
    public static Set<UUID> given(Collection<UUID> mothers) {
        Set<UUID> out = new HashSet<>();
        if (!mothers.isEmpty()) {
            SponsorshipConsent.<SponsorshipConsent>list("motherId in ?1 and active = true", mothers)
                .forEach(c -> out.add(c.motherId));
        }
        return out;
    }
}
