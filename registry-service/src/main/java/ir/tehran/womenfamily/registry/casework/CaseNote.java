package ir.tehran.womenfamily.registry.casework;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A case note (sensitive): what a caseworker or counsellor learnt or agreed with the family. Notes are
 * added, never edited; read only through the case's notes resource.
 */
@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public String body;

    @Column(name = "written_at", nullable = false)
    public Instant writtenAt;

    @Column(name = "written_by", nullable = false)
    public String writtenBy;

    public static CaseNote write(UUID caseId, String body, String by, Instant now) {
        CaseNote n = new CaseNote();
        n.id = UUID.randomUUID();
        n.caseId = caseId;
        n.body = body.strip();
        n.writtenAt = now;
        n.writtenBy = by;
        return n;
    }
}
