package ir.tehran.womenfamily.bazaar.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.bazaar.common.FeedTombstones;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Delta;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "Waitlist offers instead of rejections")
@SecurityRequirement(name = "jwt")
public class OfferResource {

    @Inject
    OfferService service;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @Inject
    Publication publication;

    @Inject
    FeedTombstones tombstones;

    /** Offers as the caller may see them: each business named or not as {@link Publication} decides. */
    private List<OfferView> views(List<WaitlistOffer> offers) {
        Map<UUID, Publication.Shown> shown = publication.of(offers.stream().map(o -> o.businessId).toList());
        return offers.stream().map(o -> OfferView.of(o, shown.get(o.businessId))).toList();
    }

    private OfferView view(WaitlistOffer o) {
        return OfferView.of(o, publication.of(o.businessId));
    }

    /** An offer as its producer and the staff see it. */
    @Schema(name = "WaitlistOffer")
    public record OfferView(UUID id, @Schema(description = Publication.BUSINESS_ID) UUID businessId,
            @Schema(description = Publication.PRODUCER_CATEGORY) String producerCategory, UUID sourceBazaarId,
            WaitlistOffer.Kind kind, UUID targetBazaarId, UUID venueId, LocalDate offeredFrom, String offeredFromJalali,
            LocalDate offeredTo, String offeredToJalali, int stalls, WaitlistOffer.Status status, Instant createdAt,
            @Schema(description = "Her answer is due by then (a freed stall); unanswered, the offer lapses and the "
                + "stall goes to the next on the waitlist. Null for a guaranteed place in a coming bazaar.")
            Instant replyBy,
            @Schema(description = "The Tehran day of replyBy in the Jalali calendar") String replyByJalali) {

        static OfferView of(WaitlistOffer o, Publication.Shown producer) {
            return new OfferView(o.id, producer.businessId(), producer.category(), o.sourceBazaarId, o.kind,
                o.targetBazaarId, o.venueId, o.offeredFrom, Days.jalali(o.offeredFrom), o.offeredTo,
                Days.jalali(o.offeredTo), o.stalls, o.status, o.createdAt, o.replyBy, Days.jalali(o.replyBy));
        }
    }

    @GET
    @Path("/mine")
    @RolesAllowed(BazaarAccess.PRODUCER)
    @Operation(operationId = "listMyWaitlistOffers", summary = "Offers made to the businesses her token names and "
        + "not cancelled, or (updatedSince) those changed or cancelled since her last sync: a delta feed",
        description = "For a producer (only her own businesses' records); any other caller is refused 403.")
    public RestResponse<Delta<OfferView>> mine(
            @Parameter(description = "The syncToken of the last complete sync: only what changed or was removed since")
            @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        Instant token = Delta.token();
        Instant since = Delta.updatedSince(updatedSince);
        PageRequest request = PageRequest.of(limit, cursor);
        Set<UUID> businesses = callers.current().businesses();
        Page<WaitlistOffer> page = request.slice(service.ofBusinesses(businesses, since), o -> o.id.toString());
        List<Delta.Tombstone> cancelled = since == null || request.cursor() != null ? List.of()
            : tombstones.since(FeedTombstones.OFFERS, since, businesses);
        return Pages.ok(uri, Delta.of(Page.of(views(page.items()), page.nextCursor()), cancelled, token));
    }

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listBazaarWaitlistOffers", summary = "Offers made from one bazaar's waitlist",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403.")
    public RestResponse<Page<OfferView>> fromBazaar(@QueryParam("bazaarId") UUID bazaarId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        if (bazaarId == null) {
            throw ProblemException.invalid("bazaarId", "validation.required");
        }
        Page<WaitlistOffer> page = PageRequest.of(limit, cursor).slice(service.fromBazaar(bazaarId),
            o -> o.id.toString());
        return Pages.ok(uri, Page.of(views(page.items()), page.nextCursor()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER})
    @Operation(operationId = "getWaitlistOffer", summary = "One offer",
        description = "For an admin, a bazaar coordinator and a producer (only her own businesses' records); any "
            + "other caller is refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public OfferView get(@PathParam("id") UUID id) {
        return view(mine(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(BazaarAccess.PRODUCER)
    @Operation(operationId = "acceptWaitlistOffer", summary = "Accept an offer: a freed stall becomes hers",
        description = "For a producer (only her own businesses' records); any other caller is refused 403. Refused: "
            + "404 when `id` names nothing the caller may see; 409 `offer-reply-late` when its `replyBy` has passed "
            + "(it lapses and the stall goes to the next on the waitlist), 409 `offer-not-open` once it was "
            + "answered or lapsed.")
    public OfferView accept(@PathParam("id") UUID id) {
        return view(service.accept(mine(id).id));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(BazaarAccess.PRODUCER)
    @Operation(operationId = "declineWaitlistOffer",
        summary = "Decline an offer: a freed stall goes to the next on the waitlist",
        description = "For a producer (only her own businesses' records); any other caller is refused 403. Refused: "
            + "404 when `id` names nothing the caller may see.")
    public OfferView decline(@PathParam("id") UUID id) {
        return view(service.decline(mine(id).id));
    }

    private WaitlistOffer mine(UUID id) {
        return service.find(id).filter(o -> access.actsFor(o.businessId))
            .orElseThrow(() -> ProblemException.notFound("offer", id));
    }
}
