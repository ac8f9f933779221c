package ir.tehran.womenfamily.sponsorship.mother;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered woman, as far as sponsorship needs to know her: her id and district, nothing more. */
@Entity
@Table(name = "mother")
public class Mother extends PanacheEntityBase {

    @Id
    @Column(name = "beneficiary_id")
    public UUID beneficiaryId;

    public Short district;

    @Column(name = "registered_on")
    public String registeredOn;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;
}
