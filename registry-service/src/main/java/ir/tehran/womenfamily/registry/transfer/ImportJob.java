package ir.tehran.womenfamily.registry.transfer;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One bulk import and its progress. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    /** Where it stands. */
    @Schema(name = "BeneficiaryImportStatus")
    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Women in the file. */
    public int total;

    /** Women looked at so far. */
    public int processed;

    /** Women newly registered. */
    public int imported;

    /** Women already in the register (by national code), left as they are. */
    public int unchanged;

    /** Children newly added. */
    public int children;

    /** Each bad line with its number and reason: [{"line": 7, "field": "birth_date", "reason": "..."}]. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String errors;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
