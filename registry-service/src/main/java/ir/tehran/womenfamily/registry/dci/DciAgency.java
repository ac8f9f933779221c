package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One agency of the DCI agency directory (table {@code dci_agency}); read and written by {@link AgencyDirectory}. */
@Entity
@Table(name = "dci_agency")
public class DciAgency extends PanacheEntityBase {

    /** The agency's client at the gateway. */
    @Id
    @Column(name = "client_id")
    public String clientId;

    /** Its kind ({@code RELIEF_COMMITTEE}) or, for another agency, its name as a woman's consent names it. */
    @Column(nullable = false)
    public String agency;

    /** Its display name. */
    public String name;

    /** JSON list of the base URLs its callbacks go to (their origins are its allow-list). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "callback_base_urls", nullable = false, columnDefinition = "jsonb")
    public String callbackBaseUrls;

    /** JSON list of its Ed25519 public keys, {@code [{keyId, publicKey, validFrom, validUntil}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String keys;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
