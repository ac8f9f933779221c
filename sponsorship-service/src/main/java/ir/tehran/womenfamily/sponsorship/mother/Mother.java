package ir.tehran.womenfamily.sponsorship.mother;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A registered woman, as far as sponsorship needs to know her: her id, district, status and support
 * level (the matching puts the children of mothers who need most support first), nothing more.
 */
@Entity
@Table(name = "mother")
public class Mother extends PanacheEntityBase {

    /** Her status in the registry. */
    @Schema(name = "MotherStatus")
    public enum Status {
        APPLICANT,
        ACTIVE,
        GRADUATED,
        EXITED
    }

    /** The directorate's ladder of support, from most to least needed. */
    @Schema(name = "MotherSupportLevel")
    public enum SupportLevel {
        COUNSELLING,
        TRAINING,
        BUSINESS_SUPPORT,
        SELF_RELIANT
    }

    @Id
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    public Short district;

    @Column(name = "registered_on")
    public String registeredOn;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    /** The event that first made her known here. */
    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "support_level")
    public SupportLevel supportLevel;

    /** Set when the registry merged her record into another one. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "source_partition")
    public Integer sourcePartition;

    @Column(name = "source_offset")
    public Long sourceOffset;
}
