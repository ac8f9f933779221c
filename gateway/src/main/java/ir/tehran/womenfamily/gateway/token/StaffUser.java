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
 * A person who gets tokens with the password grant: a member of staff, a producer (with her businesses)
 * or a sponsor (with her sponsor id).
 */
@Entity
@Table(name = "staff_user")
public class StaffUser extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles = new String[0];

    /** Districts the user works in; {@code null} means all of them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "integer[]")
    public Integer[] districts;

    /** A producer's businesses (registry business ids), the {@code businesses} claim. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] businesses;

    /** A sponsor's id in the sponsorship service, the {@code sponsor_id} claim. */
    @Column(name = "sponsor_id")
    public String sponsorId;

    /**
     * A woman's id in the registry, the {@code beneficiary_id} claim: resolved at each sign-in with a one-time
     * code, null when the register does not know her number ({@link MobileSignIn}).
     */
    @Column(name = "beneficiary_id")
    public String beneficiaryId;

    @Column(nullable = false)
    public boolean active = true;

    /** Set while someone else knows her password: her tokens then serve only her own password change. */
    @Column(name = "must_change_password", nullable = false)
    public boolean mustChangePassword;

    /** When she last chose her password herself ({@code POST /account/password}). */
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    /** Set from the injected clock by the bean that creates the row. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
