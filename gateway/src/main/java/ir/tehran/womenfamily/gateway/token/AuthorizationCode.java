package ir.tehran.womenfamily.gateway.token;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A one-time code of the authorization endpoint, stored as the SHA-256 of its value and bound to the client, the
 * redirect URI and the PKCE challenge it was issued for. {@code refreshFamily} is the login it was redeemed for.
 */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode extends PanacheEntityBase {

    @Id
    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String username;

    @Column(name = "redirect_uri", nullable = false)
    public String redirectUri;

    @Column(name = "code_challenge", nullable = false)
    public String codeChallenge;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;

    @Column(name = "refresh_family")
    public UUID refreshFamily;
}
