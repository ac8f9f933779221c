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

/** One thing done to facilitate or develop her business (تسهیل و توسعه کسب و کار), under her case. */
@Entity
@Table(name = "business_facilitation")
public class BusinessFacilitation extends PanacheEntityBase {

    /** What was done. */
    @Schema(name = "BusinessFacilitationKind")
    public enum Kind { MARKET_LINKAGE, MICRO_LOAN_INTRODUCTION, LICENCE, MENTOR }

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "done_on", nullable = false)
    public LocalDate doneOn;

    public String detail;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
