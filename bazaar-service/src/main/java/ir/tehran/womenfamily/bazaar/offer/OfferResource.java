package ir.tehran.womenfamily.bazaar.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.Caller;
import ir.tehran.womenfamily.bazaar.common.Dates;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "Waitlist offers instead of rejections")
@SecurityRequirement(name = "jwt")
public class OfferResource {

    @Inject
    OfferService service;

    @Inject
    Caller caller;

    /** An offer as its producer and the staff see it. */
    public record OfferView(UUID id, UUID businessId, UUID sourceBazaarId, WaitlistOffer.Kind kind,
            UUID targetBazaarId, UUID venueId, LocalDate offeredFrom, String offeredFromJalali, LocalDate offeredTo,
            String offeredToJalali, int stalls, WaitlistOffer.Status status, Instant createdAt) {

        static OfferView of(WaitlistOffer o) {
            return new OfferView(o.id, o.businessId, o.sourceBazaarId, o.kind, o.targetBazaarId, o.venueId,
                o.offeredFrom, Dates.jalali(o.offeredFrom), o.offeredTo, Dates.jalali(o.offeredTo), o.stalls, o.status,
                o.createdAt);
        }
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Caller.PRODUCER)
    @Operation(summary = "Offers made to the businesses her token names")
    public List<OfferView> mine() {
        return service.ofBusinesses(caller.businesses()).stream().map(OfferView::of).toList();
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.COORDINATOR, Caller.PARTNER_APP})
    @Operation(summary = "Offers made from one bazaar's waitlist")
    public List<OfferView> fromBazaar(@QueryParam("bazaarId") UUID bazaarId) {
        caller.requireStaffOrReader();
        if (bazaarId == null) {
            throw ProblemException.invalid("bazaarId", "validation.required");
        }
        return service.fromBazaar(bazaarId).stream().map(OfferView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.ADMIN, Caller.COORDINATOR, Caller.PRODUCER})
    @Operation(summary = "One offer")
    public OfferView get(@PathParam("id") UUID id) {
        return OfferView.of(mine(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Caller.PRODUCER)
    @Operation(summary = "Accept an offer: a freed stall becomes hers")
    public OfferView accept(@PathParam("id") UUID id) {
        return OfferView.of(service.accept(mine(id).id));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Caller.PRODUCER)
    @Operation(summary = "Decline an offer: a freed stall goes to the next on the waitlist")
    public OfferView decline(@PathParam("id") UUID id) {
        return OfferView.of(service.decline(mine(id).id));
    }

    private WaitlistOffer mine(UUID id) {
        return service.find(id).filter(o -> caller.actsFor(o.businessId))
            .orElseThrow(() -> ProblemException.notFound("offer", id));
    }
}
