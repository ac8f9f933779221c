package ir.tehran.womenfamily.registry.duplicate;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One merge of {@code loserId} into {@code survivorId}, decided on a duplicate candidate. Every row the merge
 * changed is journaled under its id ({@code beneficiary_merge_change}, see {@link MergeJournal}); a split
 * fills {@code splitAt} and undoes exactly those changes. The two ids here are the record of the merge itself
 * and the only references to the merged-away record that a merge leaves (besides her own row).
 */
@Entity
@Table(name = "beneficiary_merge")
public class BeneficiaryMerge extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "candidate_id", nullable = false)
    public UUID candidateId;

    @Column(name = "loser_id", nullable = false)
    public UUID loserId;

    @Column(name = "survivor_id", nullable = false)
    public UUID survivorId;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    @Column(name = "merged_by", nullable = false)
    public String mergedBy;

    @Column(name = "split_at")
    public Instant splitAt;

    @Column(name = "split_by")
    public String splitBy;

    static BeneficiaryMerge of(UUID candidateId, UUID loserId, UUID survivorId, String by, Instant at) {
        BeneficiaryMerge m = new BeneficiaryMerge();
        m.id = UUID.randomUUID();
        m.candidateId = candidateId;
        m.loserId = loserId;
        m.survivorId = survivorId;
        m.mergedBy = by;
        m.mergedAt = at;
        return m;
    }

    /** The latest merge decided on this candidate, if any. */
    static BeneficiaryMerge latest(UUID candidateId) {
        return BeneficiaryMerge.<BeneficiaryMerge>find("candidateId = ?1 order by mergedAt desc, id", candidateId)
            .firstResult();
    }

    boolean isSplit() {
        return splitAt != null;
    }
}
