package ir.tehran.womenfamily.sponsorship.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The rule's current verdict on a child and its reasons; a change is also written to her history. */
@Entity
@Table(name = "risk_status")
public class RiskStatus extends PanacheEntityBase {

    @Id
    @Column(name = "child_id")
    public UUID childId;

    @Column(name = "at_risk", nullable = false)
    public boolean atRisk;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RiskReason> reasons = new ArrayList<>();

    @Column(name = "academic_year", nullable = false)
    public short academicYear;

    @Column(nullable = false)
    public short term;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    /** When she was last flagged (kept after the flag clears). */
    @Column(name = "flagged_at")
    public Instant flaggedAt;
}
