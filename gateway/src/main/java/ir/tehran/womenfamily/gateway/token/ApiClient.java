package ir.tehran.womenfamily.gateway.token;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner application or agency that gets tokens with the client credentials grant. Its secrets are
 * {@link ClientSecret}s (two during a rotation).
 */
@Entity
@Table(name = "api_client")
public class ApiClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] scopes = new String[0];

    @Column(nullable = false)
    public boolean active = true;

    /** Set from the injected clock by the bean that creates the row. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Set when an admin revoked the client: it gets no token any more. */
    @Column(name = "revoked_at")
    public Instant revokedAt;
}
