package ir.tehran.womenfamily.registry.access;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One use of break-glass access: an admin opening a woman's sensitive facts without being her
 * caseworker. The reason stays here; the audit chain holds its salted hash and the alerting event only
 * its length.
 */
@Entity
@Table(name = "break_glass_access")
public class BreakGlassAccess extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "reason_sha256", nullable = false)
    public String reasonSha256;

    @Column(name = "request_id")
    public String requestId;
}
