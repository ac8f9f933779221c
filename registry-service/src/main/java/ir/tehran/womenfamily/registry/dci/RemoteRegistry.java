package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The registry an agency of the directory runs, which the registry asks as a DCI client (table
 * {@code dci_remote_registry}); read and written by {@link AgencyRegistries}.
 */
@Entity
@Table(name = "dci_remote_registry")
public class RemoteRegistry extends PanacheEntityBase {

    /** The agency's client in the directory. */
    @Id
    @Column(name = "client_id")
    public String clientId;

    /** Its DCI base URL: {@code {baseUrl}/registry/sync/search}; its origin is on the agency's allow-list. */
    @Column(name = "base_url", nullable = false)
    public String baseUrl;

    /** Where the agency's callbacks to the registry go ({@code sender_uri} of the registry's requests). */
    @Column(name = "sender_uri")
    public String senderUri;

    /** The bearer token the agency's gateway gave the registry; never shown. */
    @Column(name = "access_token")
    public String accessToken;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
