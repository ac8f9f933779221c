package ir.tehran.womenfamily.registry.work.campaign;

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

/**
 * A girl's or woman's own application to the campaign «کار تو خونمونه», made signed in with her mobile number
 * while she is not in the register; a caseworker of the district she names confirms it (she becomes a campaign
 * participant) or declines it.
 */
@Entity
@Table(name = "campaign_application")
public class CampaignApplication extends PanacheEntityBase {

    /** Where an application is. */
    @Schema(name = "CampaignApplicationStatus", description = "Where a campaign self-application is")
    public enum Status {
        PENDING, CONFIRMED, DECLINED
    }

    @Id
    public UUID id;

    /** Her sign-in (the token's subject): one application per person signed in. */
    @Column(nullable = false, unique = true)
    public String subject;

    @Column(name = "national_code", nullable = false, length = 10, columnDefinition = "bpchar")
    public String nationalCode;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    public String mobile;

    @Column(nullable = false)
    public Short district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    /** The campaign participant she became when confirmed. */
    @Column(name = "participant_id")
    public UUID participantId;

    @Version
    public long version;
}
