package ir.tehran.womenfamily.bazaar.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An offer instead of a rejection: a guaranteed place in a coming bazaar ({@code NEXT_BAZAAR}), or a stall
 * freed by a no-show, a withdrawal or a closed business ({@code RELEASED_STALL}).
 */
@Entity
@Table(name = "waitlist_offer")
public class WaitlistOffer extends PanacheEntityBase {

    public static final String AGGREGATE = "offer";

    /** What is offered. */
    @Schema(name = "WaitlistOfferKind")
    public enum Kind { NEXT_BAZAAR, RELEASED_STALL }

    /**
     * Open until she accepts or declines; used when her guaranteed application was placed; lapsed when a freed
     * stall's reply deadline passed unanswered.
     */
    @Schema(name = "WaitlistOfferStatus")
    public enum Status { OPEN, ACCEPTED, DECLINED, USED, CANCELLED, LAPSED }

    @Id
    public UUID id;

    @Column(name = "business_id", nullable = false)
    public UUID businessId;

    @Column(name = "source_bazaar_id", nullable = false)
    public UUID sourceBazaarId;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "target_bazaar_id")
    public UUID targetBazaarId;

    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "offered_from")
    public LocalDate offeredFrom;

    @Column(name = "offered_to")
    public LocalDate offeredTo;

    @Column(nullable = false)
    public short stalls;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Her answer is due by then (a freed stall only: a guaranteed place keeps no one waiting), else null. */
    @Column(name = "reply_by")
    public Instant replyBy;

    /** When it last changed, for a producer app's delta sync (wall-clock time, as the sync token is). */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public static WaitlistOffer make(Kind kind, UUID businessId, UUID sourceBazaarId, UUID applicationId,
            UUID targetBazaarId, UUID venueId, LocalDate from, LocalDate to, int stalls, Instant now) {
        WaitlistOffer o = new WaitlistOffer();
        o.id = UUID.randomUUID();
        o.kind = kind;
        o.businessId = businessId;
        o.sourceBazaarId = sourceBazaarId;
        o.applicationId = applicationId;
        o.targetBazaarId = targetBazaarId;
        o.venueId = venueId;
        o.offeredFrom = from;
        o.offeredTo = to;
        o.stalls = (short) stalls;
        o.status = Status.OPEN;
        o.createdAt = now;
        return o;
    }

    /** The {@code offer.made} event: made now, or dated later when a coming bazaar opens. */
    public DomainEvent made() {
        return DomainEvent.of(AGGREGATE, businessId, "offer.made", 1, new OfferMade(id, businessId, sourceBazaarId,
            kind.name(), targetBazaarId, venueId, offeredFrom, Days.jalali(offeredFrom), offeredTo,
            Days.jalali(offeredTo), stalls, replyBy, Days.jalali(replyBy)));
    }

    /** Whether her answer comes too late: the deadline has passed (lapsed or not yet swept). */
    public boolean pastDeadline(Instant now) {
        return replyBy != null && !now.isBefore(replyBy);
    }

    /**
     * The deadline passed unanswered: the offer lapses (at its deadline) and returns the {@code offer.lapsed}
     * event; the caller offers the stall to the next on the waitlist.
     */
    public DomainEvent lapse() {
        if (status != Status.OPEN || replyBy == null) {
            throw new IllegalStateException("only an open offer with a deadline lapses: " + id);
        }
        status = Status.LAPSED;
        decidedAt = replyBy;
        return DomainEvent.of(AGGREGATE, businessId, "offer.lapsed", 1,
            new OfferLapsed(id, businessId, sourceBazaarId, replyBy));
    }

    public void decide(Status decision, Instant now) {
        if (status != Status.OPEN) {
            throw new ProblemException(409, "offer-not-open", status.name());
        }
        status = decision;
        decidedAt = now;
    }

    /** Payload of {@code offer.made} v1. */
    public record OfferMade(UUID offerId, UUID businessId, UUID sourceBazaarId, String kind, UUID targetBazaarId,
            UUID venueId, LocalDate offeredFrom, String offeredFromJalali, LocalDate offeredTo,
            String offeredToJalali, int stalls, Instant replyBy, String replyByJalali) {
    }

    /** Payload of {@code offer.lapsed} v1: the offer, whose it was, the bazaar of the stall, and when it lapsed. */
    public record OfferLapsed(UUID offerId, UUID businessId, UUID bazaarId, Instant lapsedAt) {
    }
}
