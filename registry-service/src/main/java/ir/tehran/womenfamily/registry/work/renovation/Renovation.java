package ir.tehran.womenfamily.registry.work.renovation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.registry.work.WorkingDays;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A renovation plan of one Kowsar centre, its state and its days. */
@Entity
@Table(name = "centre_renovation")
public class Renovation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "centre_id", nullable = false)
    public UUID centreId;

    @Column(nullable = false)
    public String plan;

    @Column(name = "budget_rials")
    public Long budgetRials;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RenovationState state;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public WorkingDays.Range period() {
        return new WorkingDays.Range(startsOn, endsOn);
    }

    /** The renovations of a centre that close days of {@code range} to production. */
    public static List<Renovation> blocking(UUID centreId, WorkingDays.Range range) {
        return list("centreId = ?1 and state <> ?2 and startsOn <= ?3 and endsOn >= ?4 order by startsOn",
            centreId, RenovationState.CANCELLED, range.to(), range.from());
    }
}
