package ir.tehran.womenfamily.registry.casework;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A state a referral reached, who moved it there and when. */
@Entity
@Table(name = "referral_transition")
public class ReferralTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralState state;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "by_user", nullable = false)
    public String by;

    static ReferralTransition of(UUID referralId, ReferralState state, String by, Instant at) {
        ReferralTransition t = new ReferralTransition();
        t.id = UUID.randomUUID();
        t.referralId = referralId;
        t.state = state;
        t.by = by;
        t.at = at;
        return t;
    }
}
