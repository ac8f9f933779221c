package ir.tehran.womenfamily.registry.delivered;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A counselling session (مشاوره) with a counsellor, of the woman alone or with her family, under her case. A
 * sensitive fact for every woman (read as her cohorts and case notes are), never in an event: where she was
 * counselled (a cohort's centre such as Yavarshahr 5) can tell her cohort. Recorded, never edited.
 */
@Entity
@Table(name = "counselling_session")
public class CounsellingSession extends PanacheEntityBase {

    /** Who took part. */
    @Schema(name = "CounsellingMode")
    public enum Mode { INDIVIDUAL, FAMILY }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;

    @Column(nullable = false)
    public String counsellor;

    public String centre;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    public Integer minutes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
