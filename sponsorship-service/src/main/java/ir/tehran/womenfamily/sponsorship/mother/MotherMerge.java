package ir.tehran.womenfamily.sponsorship.mother;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A mother's record merged into another, as the registry said it: {@code mergedId} now belongs to
 * {@code survivorId}, which may itself have been merged on (a chain).
 */
@Entity
@Table(name = "mother_merge")
public class MotherMerge extends PanacheEntityBase {

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

    /** The merges from {@code id} onward, in order; empty when {@code id} was never merged. */
    public static List<MotherMerge> chain(UUID id) {
        return chain(id, merged -> MotherMerge.findById(merged));
    }

    /** The same, looking merges up with {@code find} (a replay's batch knows most answers already). */
    public static List<MotherMerge> chain(UUID id, Function<UUID, MotherMerge> find) {
        List<MotherMerge> hops = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        UUID current = id;
        MotherMerge hop;
        while ((hop = find.apply(current)) != null) {
            if (!seen.add(current) || hops.size() >= MAX_CHAIN) {
                throw new IllegalStateException("merges of " + id + " go round in a loop");
            }
            hops.add(hop);
            current = hop.survivorId;
        }
        return hops;
    }

    /** The record {@code id} stands for now: itself, or the last survivor of its merges. */
    public static UUID resolve(UUID id) {
        List<MotherMerge> hops = chain(id);
        return hops.isEmpty() ? id : hops.get(hops.size() - 1).survivorId;
    }
}
