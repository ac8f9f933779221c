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

/** One assignment of a case, kept as its history. */
@Entity
@Table(name = "case_assignment")
public class CaseAssignment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "assigned_to", nullable = false)
    public String assignedTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_kind", nullable = false)
    public AssigneeKind assigneeKind;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    @Column(name = "assigned_by", nullable = false)
    public String assignedBy;
}
