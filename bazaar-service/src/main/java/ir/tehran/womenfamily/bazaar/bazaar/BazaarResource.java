package ir.tehran.womenfamily.bazaar.bazaar;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/bazaars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bazaars", description = "Seasonal, monthly and occasion bazaars and exhibitions, and their lifecycle")
@SecurityRequirement(name = "jwt")
public class BazaarResource {

    @Inject
    BazaarService service;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @POST
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(summary = "Create a bazaar (a draft) with its venues and the stalls each offers per day")
    public Response create(@Valid @NotNull BazaarDtos.CreateBazaar request, @Context UriInfo uri) {
        BazaarService.Loaded b = service.create(request, callers.current().subject());
        URI location = uri.getAbsolutePathBuilder().path(b.bazaar().id.toString()).build();
        return Response.created(location).entity(b.view()).build();
    }

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(summary = "Bazaars, optionally by status or dates (ISO or Jalali)")
    public List<BazaarDtos.BazaarView> list(@QueryParam("status") Bazaar.Status status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("historical") boolean historical) {
        access.requireStaffOrReader();
        LocalDate f = from == null ? null : DateInput.required("from", from);
        LocalDate t = to == null ? null : DateInput.required("to", to);
        return service.list(status, f, t, historical).stream()
            .map(b -> service.load(b.id).orElseThrow().view()).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER, BazaarAccess.PARTNER_APP})
    @Operation(summary = "One bazaar with its venues and stalls per day")
    public BazaarDtos.BazaarView get(@PathParam("id") UUID id) {
        access.requireBazaar(id);
        return service.load(id).map(BazaarService.Loaded::view)
            .orElseThrow(() -> ProblemException.notFound("bazaar", id));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(summary = "Move the bazaar along its lifecycle; an illegal move is 409. Publishing is done by "
        + "publishing an allocation.")
    public BazaarDtos.BazaarView transition(@PathParam("id") UUID id, @Valid @NotNull BazaarDtos.Transition request) {
        return service.transition(id, request.to(), (b, to) -> {
            if (to == Bazaar.Status.PUBLISHED) {
                throw new ProblemException(409, "publish-through-allocation");
            }
        }).view();
    }

    @PUT
    @Path("/{id}/venues/{venueId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(summary = "Add a venue to a planned bazaar (201) or change what it offers (200)",
        description = "Only before an allocation is published (draft, open, allocating; 409 after). Stalls are "
            + "booked as at creation, never beyond what the venue has free (409). Solved but unpublished allocations "
            + "are superseded: allocate again. An open bazaar is announced again (bazaar.published).")
    public Response putVenue(@PathParam("id") UUID id, @PathParam("venueId") UUID venueId,
            @Valid BazaarDtos.VenueChange request) {
        BazaarService.VenueEdit edit = service.putVenue(id, venueId, request);
        return Response.status(edit.added() ? 201 : 200).entity(edit.bazaar().view()).build();
    }

    @DELETE
    @Path("/{id}/venues/{venueId}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(summary = "Take a venue out of a planned bazaar",
        description = "Only before an allocation is published (409 after); a bazaar keeps at least one venue (409). "
            + "Its stalls are freed; applicants who ranked it keep their other preferences; solved but unpublished "
            + "allocations are superseded.")
    public BazaarDtos.BazaarView removeVenue(@PathParam("id") UUID id, @PathParam("venueId") UUID venueId) {
        return service.removeVenue(id, venueId).view();
    }

    /** An occasion bazaars may be held for. */
    public record OccasionView(String code, String nameFa, String nameEn) {

        static OccasionView of(Occasion o) {
            return new OccasionView(o.code, o.nameFa, o.nameEn);
        }
    }

    @GET
    @Path("/occasions")
    @PermitAll
    @Operation(summary = "Occasions (Nowruz eve, Yalda, and those an admin added)")
    public List<OccasionView> occasions() {
        return service.occasions().stream().map(OccasionView::of).toList();
    }

    @POST
    @Path("/occasions")
    @RolesAllowed(BazaarAccess.ADMIN)
    @Operation(summary = "Add an occasion")
    public Response addOccasion(@Valid @NotNull OccasionInput request) {
        Occasion o = service.addOccasion(request);
        return Response.status(201).entity(OccasionView.of(o)).build();
    }

    /** A new occasion. */
    public record OccasionInput(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Pattern(regexp = "[a-z0-9-]{2,40}")
            String code,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String nameFa,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String nameEn) {
    }
}
