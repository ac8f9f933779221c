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
 * A partner application or agency that gets tokens with the client credentials grant, or an app that signs
 * people in (authorization code with PKCE; the password grant when trusted). Its secrets are
 * {@link ClientSecret}s (two during a rotation); a public client has none.
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

    /** The password grant is open to it (first-party tools): set by an admin. */
    @Column(nullable = false)
    public boolean trusted;

    /** It has no secret (a mobile or browser app): it may use the authorization code grant with PKCE only. */
    @Column(name = "public_client", nullable = false)
    public boolean publicClient;

    /** Where the authorization endpoint may send a code back, compared exactly (RFC 9700 §4.1.3). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "redirect_uris", nullable = false, columnDefinition = "text[]")
    public String[] redirectUris = new String[0];

    /** Set when an admin revoked the client: it gets no token any more. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Neither revoked nor deactivated. */
    public boolean usable() {
        return active && revokedAt == null;
    }
}
