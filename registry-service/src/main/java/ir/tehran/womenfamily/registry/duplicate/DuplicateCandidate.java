package ir.tehran.womenfamily.registry.duplicate;

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

/** Two records that may be one woman, waiting for a reviewer. */
@Entity
@Table(name = "duplicate_candidate")
public class DuplicateCandidate extends PanacheEntityBase {

    /** Why they look alike. */
    @Schema(name = "DuplicateReason")
    public enum Reason { SAME_NAME_AND_BIRTH_DATE, SAME_MOBILE_SIMILAR_NAME }

    /** Where the review stands. */
    @Schema(name = "DuplicateState")
    public enum State { OPEN, DISTINCT, MERGED }

    @Id
    public UUID id;

    @Column(name = "first_id", nullable = false)
    public UUID firstId;

    @Column(name = "second_id", nullable = false)
    public UUID secondId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    @Column(nullable = false)
    public float similarity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Its ETag: a merge or a split must name it in {@code If-Match}. */
    @Version
    @Column(nullable = false)
    public long version;
}
