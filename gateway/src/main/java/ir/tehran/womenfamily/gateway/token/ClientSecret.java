package ir.tehran.womenfamily.gateway.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One secret of a client, as a bcrypt hash. A client has at most {@link #MAX_ACTIVE} active secrets: the
 * current one and, during a rotation, its successor.
 */
@Entity
@Table(name = "client_secret")
public class ClientSecret extends PanacheEntityBase {

    public static final int MAX_ACTIVE = 2;

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    /** Set from the injected clock by the bean that creates the row. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean active() {
        return revokedAt == null;
    }

    /** The client's secrets, oldest first. */
    public static List<ClientSecret> of(String clientId) {
        return list("clientId = ?1 order by createdAt, id", clientId);
    }

    /** The client's active secrets, oldest first. */
    public static List<ClientSecret> activeOf(String clientId) {
        return list("clientId = ?1 and revokedAt is null order by createdAt, id", clientId);
    }
}
