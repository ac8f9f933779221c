package ir.tehran.womenfamily.sponsorship.child;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A child under 20 of a registered woman, as the registry's events describe her: of her name only its
 * first letter (folded), no national code, no address. Rows are never deleted: a child who leaves the
 * registry or ages out keeps her history. Only changed columns are written, so the roster consumer and
 * officers never overwrite each other's fields.
 */
@Entity
@Table(name = "child")
@DynamicUpdate
public class Child extends PanacheEntityBase {

    public static final String AGGREGATE = "child";

    /** Where a child stands in the programme. */
    @Schema(name = "ChildStatus")
    public enum Status {
        ACTIVE,
        AGED_OUT,
        REMOVED
    }

    @Id
    public UUID id;

    @Column(name = "mother_id", nullable = false)
    public UUID motherId;

    @Column(name = "registry_mother_id", nullable = false)
    public UUID registryMotherId;

    /** The first letter of her first name, folded; null until the registry sends it (older events lack it). */
    @Column(name = "first_name_initial", length = 1)
    public String firstNameInitial;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    public Short grade;

    public Short district;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "registry_updated_at", nullable = false)
    public Instant registryUpdatedAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "aged_out_on")
    public LocalDate agedOutOn;

    @Column(name = "gifted_candidate", nullable = false)
    public boolean giftedCandidate;

    @Column(name = "source_partition", nullable = false)
    public int sourcePartition;

    @Column(name = "source_offset", nullable = false)
    public long sourceOffset;

    public Status status() {
        if (removedAt != null) {
            return Status.REMOVED;
        }
        return agedOutOn != null ? Status.AGED_OUT : Status.ACTIVE;
    }

    public boolean isActive() {
        return status() == Status.ACTIVE;
    }
}
