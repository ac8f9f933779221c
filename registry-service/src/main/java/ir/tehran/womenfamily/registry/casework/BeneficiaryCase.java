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
import jakarta.persistence.Version;

/** A woman's case (پرونده): one per woman, with the caseworker or counsellor who follows it now. */
@Entity
@Table(name = "beneficiary_case")
public class BeneficiaryCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "beneficiary_id", nullable = false, unique = true)
    public UUID beneficiaryId;

    /** The username, as in the token's {@code sub}/{@code upn}. */
    @Column(name = "assigned_to", nullable = false)
    public String assignedTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_kind", nullable = false)
    public AssigneeKind assigneeKind;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Version
    public long version;

    /** Opens her case; {@link #assign} gives it its first assignee before it is stored. */
    public static BeneficiaryCase open(UUID beneficiaryId, String by, Instant now) {
        BeneficiaryCase c = new BeneficiaryCase();
        c.id = UUID.randomUUID();
        c.beneficiaryId = beneficiaryId;
        c.openedAt = now;
        c.openedBy = by;
        return c;
    }

    /** Assigns the case (again); returns the assignment for the history. */
    public CaseAssignment assign(String assignee, AssigneeKind kind, String by, Instant now) {
        assignedTo = assignee;
        assigneeKind = kind;
        assignedAt = now;
        CaseAssignment a = new CaseAssignment();
        a.id = UUID.randomUUID();
        a.caseId = id;
        a.assignedTo = assignee;
        a.assigneeKind = kind;
        a.assignedAt = now;
        a.assignedBy = by;
        return a;
    }
}
