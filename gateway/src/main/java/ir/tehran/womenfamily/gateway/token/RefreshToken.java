package ir.tehran.womenfamily.gateway.token;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A refresh token, by the SHA-256 hash of its value (the value itself is never stored). Tokens issued
 * one from another form a family that starts at a password login.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(nullable = false)
    public String username;

    /** The client the token was issued to, when one authenticated; it must authenticate to redeem it. */
    @Column(name = "client_id")
    public String clientId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When the login that started the family runs out, however often it is refreshed. */
    @Column(name = "family_expires_at", nullable = false)
    public Instant familyExpiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
