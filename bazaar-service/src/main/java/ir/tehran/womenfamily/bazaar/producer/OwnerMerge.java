package ir.tehran.womenfamily.bazaar.producer;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A woman's registry record merged into another, as the registry said it ({@code beneficiary.merged}):
 * {@code mergedId} now stands for {@code survivorId}, which may itself have been merged on (a chain). A split
 * ({@code beneficiary.split}) removes it.
 */
@Entity
@Table(name = "owner_merge")
public class OwnerMerge extends PanacheEntityBase {

    /** Longer chains than this are taken for a loop in the data. */
    private static final int MAX_CHAIN = 64;

    @Id
    @Column(name = "merged_id")
    public UUID mergedId;

    @Column(name = "survivor_id", nullable = false)
    public UUID survivorId;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    /** The record {@code owner} stands for now: itself, or the last survivor of its merges. */
    public static UUID resolve(UUID owner) {
        Set<UUID> seen = new HashSet<>();
        UUID current = owner;
        OwnerMerge hop;
        while ((hop = OwnerMerge.findById(current)) != null) {
            if (!seen.add(current) || seen.size() > MAX_CHAIN) {
                throw new IllegalStateException("merges of " + owner + " go round in a loop");
            }
            current = hop.survivorId;
        }
        return current;
    }
}
