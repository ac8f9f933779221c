package ir.tehran.womenfamily.bazaar.producer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An applicant as the bazaar service knows her, built from the registry's events: a business
 * ({@code registry.business}: owner, category, district, whether the owner heads her household, status), or a
 * woman of the home-business campaign who made her first sale and may apply before she registers a business
 * ({@code campaign.bazaar-eligible} on {@code registry.campaign}). A campaign applicant's id is her campaign
 * mentee id and her owner id is her person id, the owner id a business of hers carries. Nothing more.
 */
@Entity
@Table(name = "producer")
public class Producer extends PanacheEntityBase {

    /** The registry's status of the business. */
    @Schema(name = "ProducerStatus")
    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    /** A registered business, or a campaign woman eligible for bazaars without one. */
    @Schema(name = "ProducerKind")
    public enum Kind { BUSINESS, CAMPAIGN }

    @Id
    @Column(name = "business_id")
    public UUID businessId;

    /** The woman she is now: the registry's owner, or the last survivor of the merges of that record. */
    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    /** The owner as the registry last named her (see {@link OwnerMerge}). */
    @Column(name = "registry_owner_id", nullable = false)
    public UUID registryOwnerId;

    @Column(name = "heads_household", nullable = false)
    public boolean headsHousehold;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind = Kind.BUSINESS;

    /** A business's category; a campaign applicant's is the one she last applied in (none before). */
    public String category;

    /** The categories a campaign applicant works in (possibly none); null for a business. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] categories;

    /** The day of a campaign applicant's first sale. */
    @Column(name = "eligible_since")
    public LocalDate eligibleSince;

    public Short district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "publication_consent", nullable = false)
    public boolean publicationConsent;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    public boolean mayApply() {
        return status == Status.ACTIVE;
    }

    public boolean isCampaign() {
        return kind == Kind.CAMPAIGN;
    }

    /** A campaign applicant's categories; empty for a business. */
    public List<String> campaignCategories() {
        return categories == null ? List.of() : List.of(categories);
    }
}
