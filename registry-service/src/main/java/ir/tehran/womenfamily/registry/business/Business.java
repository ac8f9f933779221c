package ir.tehran.womenfamily.registry.business;

import ir.tehran.womenfamily.support.taxonomy.Category;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A home or micro business, owned by a registered woman or by another participant of the campaign. */
@Entity
@Table(name = "business")
public class Business extends PanacheEntityBase {

    public static final String AGGREGATE = "business";

    /** Whether it trades. */
    @Schema(name = "BusinessStatus")
    public enum Status { ACTIVE, SUSPENDED, CLOSED }

    @Id
    public UUID id;

    @Column(name = "owner_beneficiary_id")
    public UUID ownerBeneficiaryId;

    @Column(name = "owner_participant_id")
    public UUID ownerParticipantId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    public String products;

    @Column(name = "centre_id")
    public UUID centreId;

    public String mentor;

    public Short district;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    /** What a registration or change carries. */
    public record Facts(String name, Category category, String products, UUID centreId, String mentor,
            Short district) {
    }

    public static Registered register(UUID beneficiaryOwner, UUID participantOwner, Facts f, boolean consent,
            Instant now) {
        return register(UUID.randomUUID(), beneficiaryOwner, participantOwner, f, consent, now);
    }

    /** The same with the id given (the demo register's first business, which the demo producer owns). */
    public static Registered register(UUID id, UUID beneficiaryOwner, UUID participantOwner, Facts f,
            boolean consent, Instant now) {
        Business b = new Business();
        b.id = id;
        b.ownerBeneficiaryId = beneficiaryOwner;
        b.ownerParticipantId = participantOwner;
        b.apply(f);
        b.status = Status.ACTIVE;
        b.registeredAt = now;
        return new Registered(b, List.of(b.state("business.registered", consent)));
    }

    public List<DomainEvent> update(Facts f, Status newStatus, boolean consent) {
        if (status == Status.CLOSED) {
            throw new ProblemException(409, "business-closed");
        }
        apply(new Facts(f.name() != null ? f.name() : name, f.category() != null ? f.category() : category,
            f.products() != null ? f.products() : products, f.centreId() != null ? f.centreId() : centreId,
            f.mentor() != null ? f.mentor() : mentor, f.district() != null ? f.district() : district));
        if (newStatus != null) {
            if (newStatus == Status.CLOSED) {
                throw ProblemException.invalid("status", "validation.close-with-close");
            }
            status = newStatus;
        }
        return List.of(state("business.updated", consent));
    }

    public List<DomainEvent> close(Instant now) {
        if (status == Status.CLOSED) {
            throw new ProblemException(409, "business-closed");
        }
        status = Status.CLOSED;
        closedAt = now;
        return List.of(DomainEvent.of(AGGREGATE, id, "business.closed", 1, new Closed(id, ownerId(), now)));
    }

    /** On a merge of two records of one woman: the business passes to the surviving record. */
    public List<DomainEvent> transferTo(UUID survivor, boolean consent) {
        ownerBeneficiaryId = survivor;
        return List.of(state("business.updated", consent));
    }

    public UUID ownerId() {
        return ownerBeneficiaryId != null ? ownerBeneficiaryId : ownerParticipantId;
    }

    private void apply(Facts f) {
        name = PersianText.normalize(f.name());
        category = f.category();
        products = PersianText.normalize(f.products());
        centreId = f.centreId();
        mentor = PersianText.normalize(f.mentor());
        district = f.district();
    }

    private DomainEvent state(String type, boolean consent) {
        return DomainEvent.of(AGGREGATE, id, type, 1, new State(id, ownerId(), ownerBeneficiaryId != null,
            category.code(), district, status, consent));
    }

    /** A new business and its event. */
    public record Registered(Business business, List<DomainEvent> events) {
    }

    /** Payload of {@code business.registered} / {@code business.updated} v1. */
    public record State(UUID businessId, UUID ownerId, boolean ownerHeadsHousehold, String category, Short district,
            Status status, boolean publicationConsent) {
    }

    /** Payload of {@code business.closed} v1. */
    public record Closed(UUID businessId, UUID ownerId, Instant closedAt) {
    }
}
