package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Who changed a woman's status or support level, when and why; and the merges and splits of her record
 * ({@code MERGED}, {@code SPLIT}: from the merged-away record's id to the survivor's, and back). A change of
 * support level keeps the services it cited ({@link CitedService}). Append-only.
 */
@Entity
@Table(name = "beneficiary_history")
public class BeneficiaryHistory extends PanacheEntityBase {

    /** A plain mapper for the column's own shape (kind and id), apart from the API's. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What changed. */
    @Schema(name = "BeneficiaryHistoryKind")
    public enum Kind { STATUS, SUPPORT_LEVEL, MERGED, SPLIT }

    @Id
    @SequenceGenerator(name = "beneficiary_history_ids", sequenceName = "beneficiary_history_id_seq",
        allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "beneficiary_history_ids")
    public Long id;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "from_value")
    public String fromValue;

    @Column(name = "to_value", nullable = false)
    public String toValue;

    public String reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The services a change of support level cited, as a JSON array of {@link CitedService}; null when none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cited_services", columnDefinition = "jsonb")
    String citedServicesJson;

    /** The services a change of support level cited; empty when none. */
    public List<CitedService> citedServices() {
        if (citedServicesJson == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(citedServicesJson, CitedService[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable cited services of history entry " + id, e);
        }
    }

    /** Keeps the services this change cited (none: nothing kept). */
    void cite(List<CitedService> cited) {
        try {
            citedServicesJson = cited == null || cited.isEmpty() ? null : JSON.writeValueAsString(cited);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BeneficiaryHistory of(Beneficiary b, Kind kind, String from, String to, String reason, String by,
            Instant at) {
        BeneficiaryHistory h = new BeneficiaryHistory();
        h.beneficiaryId = b.id;
        h.kind = kind;
        h.fromValue = from;
        h.toValue = to;
        h.reason = reason;
        h.changedBy = by;
        h.changedAt = at;
        return h;
    }
}
