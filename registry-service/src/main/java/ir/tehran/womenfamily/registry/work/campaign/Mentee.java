package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A woman or girl in the campaign who wants a home business: either a registered woman head of
 * household ({@code beneficiaryId}) or anyone else, held as a campaign participant
 * ({@code participantId}, the same record a business of hers is registered under).
 */
@Entity
@Table(name = "campaign_mentee")
public class Mentee extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    @Column(name = "participant_id")
    public UUID participantId;

    /** Whether she is a registered woman head of household: she comes first when mentors are scarce. */
    @Column(name = "heads_household", nullable = false)
    public boolean headsHousehold;

    @Column(nullable = false)
    public short district;

    /** Category codes she wants to work in; empty when she has not decided. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] interests;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "enrolled_by", nullable = false)
    public String enrolledBy;

    @Column(name = "mentor_id")
    public UUID mentorId;

    @Column(name = "matched_at")
    public Instant matchedAt;

    /** The day of her first sale, from which she may apply to bazaars. */
    @Column(name = "bazaar_eligible_since")
    public LocalDate bazaarEligibleSince;

    /** When she left the campaign; she then holds no mentor's place and is not matched. */
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Version
    public long version;

    /** Her id as a producer: the registered woman's id or the participant's id (a business's {@code ownerId}). */
    public UUID personId() {
        return beneficiaryId != null ? beneficiaryId : participantId;
    }
}
