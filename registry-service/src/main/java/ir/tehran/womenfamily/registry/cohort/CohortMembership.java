package ir.tehran.womenfamily.registry.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A woman's membership of a sensitive cohort: a fact about her that can cost her work or safety if it
 * leaks. Kept apart from her profile; read and written only through {@code /beneficiaries/{id}/cohorts}.
 * Its {@code toString} names no fact, so it is safe in any log line by mistake.
 */
@Entity
@Table(name = "cohort_membership")
public class CohortMembership extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "cohort_code", nullable = false)
    public String cohortCode;

    @Column(nullable = false)
    public LocalDate since;

    @Column(name = "following_centre")
    public String followingCentre;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Version
    public long version;

    public static CohortMembership join(UUID beneficiaryId, String cohortCode, LocalDate since, String followingCentre,
            String by, Instant now) {
        CohortMembership m = new CohortMembership();
        m.id = UUID.randomUUID();
        m.beneficiaryId = beneficiaryId;
        m.cohortCode = cohortCode;
        m.since = since;
        m.followingCentre = followingCentre == null || followingCentre.isBlank() ? null
            : PersianText.normalize(followingCentre);
        m.recordedAt = now;
        m.recordedBy = by;
        return m;
    }

    public boolean isOpen() {
        return endedOn == null;
    }

    /** Ends the membership on {@code day}; false when it had ended already. */
    public boolean end(LocalDate day, String by, Instant now) {
        if (!isOpen()) {
            return false;
        }
        if (day.isBefore(since)) {
            throw new IllegalArgumentException("a membership cannot end before it began");
        }
        endedOn = day;
        endedAt = now;
        endedBy = by;
        return true;
    }

    @Override
    public String toString() {
        return "CohortMembership[" + id + "]";
    }
}
