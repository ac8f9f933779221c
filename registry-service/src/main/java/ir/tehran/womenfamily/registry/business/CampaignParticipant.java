package ir.tehran.womenfamily.registry.business;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A woman or girl in the "کار تو خونمونه" campaign who is not a registered head of household. */
@Entity
@Table(name = "campaign_participant")
public class CampaignParticipant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "national_code", nullable = false, unique = true, length = 10, columnDefinition = "bpchar")
    public String nationalCode;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    public String mobile;

    public Short district;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
}
