package ir.tehran.womenfamily.bazaar.bazaar;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
    @Operation(operationId = "createBazaar",
        summary = "Create a bazaar (a draft) with its venues and the stalls each offers per day",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created (a draft)",
        headers = @Header(name = "Location", description = "The new bazaar",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BazaarDtos.BazaarView.class)))
    @IdempotentCreate
    public Response create(@Valid @NotNull BazaarDtos.CreateBazaar request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        BazaarService.Loaded b = service.create(request, callers.current().subject());
        URI location = uri.getAbsolutePathBuilder().path(b.bazaar().id.toString()).build();
        return Response.created(location).tag(Versions.etag(b.bazaar().version)).entity(b.view()).build();
    }

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listBazaars", summary = "Bazaars, optionally by status or dates (ISO or Jalali)",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403.")
    public RestResponse<Page<BazaarDtos.BazaarView>> list(@QueryParam("status") Bazaar.Status status,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("historical") boolean historical, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        LocalDate f = from == null ? null : DateInput.required("from", from);
        LocalDate t = to == null ? null : DateInput.required("to", to);
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(status, f, t, historical), b -> b.id.toString())
            .map(b -> service.load(b.id).orElseThrow().view()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PRODUCER, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "getBazaar", summary = "One bazaar with its venues and stalls per day",
        description = "For an admin, a bazaar coordinator, a producer (only her own businesses' records) and a "
            + "partner app with the scope `bazaar.read`; any other caller is refused 403. Refused: 404 when `id` "
            + "names nothing the caller may see.")
    @APIResponse(responseCode = "200", description = "The bazaar; its ETag is its version, for If-Match",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BazaarDtos.BazaarView.class)))
    public RestResponse<BazaarDtos.BazaarView> get(@PathParam("id") UUID id) {
        access.requireBazaar(id);
        BazaarService.Loaded b = service.load(id).orElseThrow(() -> ProblemException.notFound("bazaar", id));
        return RestResponse.ResponseBuilder.ok(b.view()).tag(Versions.etag(b.bazaar().version)).build();
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "transitionBazaar",
        summary = "Move the bazaar along its lifecycle; an illegal move is 409. Publishing is done by "
        + "publishing an allocation.",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
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
    @Operation(operationId = "putBazaarVenue",
        summary = "Add a venue to a planned bazaar (201) or change what it offers (200)",
        description = "Only before an allocation is published (draft, open, allocating; 409 after). Stalls are "
            + "booked as at creation, never beyond what the venue has free (409). Solved but unpublished allocations "
            + "are superseded: allocate again. An open bazaar is announced again (bazaar.published).")
    @APIResponse(responseCode = "201", description = "The venue was added",
        headers = @Header(name = "Location", description = "This venue of the bazaar",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BazaarDtos.BazaarView.class)))
    @APIResponse(responseCode = "200", description = "What the venue offers was changed",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BazaarDtos.BazaarView.class)))
    public Response putVenue(@PathParam("id") UUID id, @PathParam("venueId") UUID venueId,
            @Valid BazaarDtos.VenueChange request, @Context UriInfo uri,
            @Parameter(description = "The bazaar's version (its ETag) the change is made to", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        BazaarService.VenueEdit edit = service.putVenue(id, venueId, request, Versions.required(ifMatch));
        EntityTag tag = Versions.etag(edit.bazaar().bazaar().version);
        if (edit.added()) {
            return Response.created(uri.getAbsolutePath()).tag(tag).entity(edit.bazaar().view()).build();
        }
        return Response.ok(edit.bazaar().view()).tag(tag).build();
    }

    @DELETE
    @Path("/{id}/venues/{venueId}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "removeBazaarVenue", summary = "Take a venue out of a planned bazaar",
        description = "Only before an allocation is published (409 after); a bazaar keeps at least one venue (409). "
            + "Its stalls are freed; applicants who ranked it keep their other preferences; solved but unpublished "
            + "allocations are superseded. Requires If-Match with the bazaar's ETag (its version) last read: 428 "
            + "without it, 412 when it changed since.")
    @APIResponse(responseCode = "200", description = "The bazaar without the venue; its ETag is its new version",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BazaarDtos.BazaarView.class)))
    public Response removeVenue(@PathParam("id") UUID id, @PathParam("venueId") UUID venueId,
            @Parameter(description = "The bazaar's version (its ETag) the change is made to", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        BazaarService.Loaded loaded = service.removeVenue(id, venueId, Versions.required(ifMatch));
        return Response.ok(loaded.view()).tag(Versions.etag(loaded.bazaar().version)).build();
    }

    /** An occasion bazaars may be held for. */
    @Schema(name = "BazaarOccasion")
    public record OccasionView(String code, String nameFa, String nameEn) {

        static OccasionView of(Occasion o) {
            return new OccasionView(o.code, o.nameFa, o.nameEn);
        }
    }

    @GET
    @Path("/occasions")
    @PermitAll
    @Deprecated(since = "2026-12-07")
    @Operation(operationId = "listBazaarOccasions", summary = "Occasions (Nowruz eve, Yalda, and those an admin added)",
        description = "Deprecated: use `listOccasions` (`GET /api/bazaar/occasions`), the same answer. Public: no "
            + "token needed.")
    public RestResponse<Page<OccasionView>> occasions(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Pages.ok(uri, PageRequest.of(limit, cursor).slice(service.occasions(), o -> o.code)
            .map(OccasionView::of));
    }

    @POST
    @Path("/occasions")
    @RolesAllowed(BazaarAccess.ADMIN)
    @Deprecated(since = "2026-12-07")
    @Operation(operationId = "addBazaarOccasion", summary = "Add an occasion",
        description = "Deprecated: use `addOccasion` (`POST /api/bazaar/occasions`). For an admin; any other caller "
            + "is refused 403. Refused: 409 when the code is taken; 422 when an Idempotency-Key is reused for "
            + "another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new occasion",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OccasionView.class)))
    @IdempotentCreate
    public Response addOccasion(@Valid @NotNull OccasionInput request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Occasion o = service.addOccasion(request);
        URI location = uri.getAbsolutePathBuilder().path(o.code).build();
        return Response.created(location).entity(OccasionView.of(o)).build();
    }

    @GET
    @Path("/occasions/{code}")
    @PermitAll
    @Deprecated(since = "2026-12-07")
    @Operation(operationId = "getBazaarOccasion", summary = "One occasion",
        description = "Deprecated: use `getOccasion` (`GET /api/bazaar/occasions/{code}`); this path matches the "
            + "same URLs as the paths of one bazaar (`/bazaars/{bazaarId}/...`). Public: no token needed. Refused: "
            + "404 when `code` names no occasion.")
    public OccasionView occasion(@PathParam("code") String code) {
        return service.occasion(code).map(OccasionView::of)
            .orElseThrow(() -> ProblemException.notFound("occasion", code));
    }

    /** A new occasion. */
    @Schema(name = "NewBazaarOccasion")
    public record OccasionInput(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Pattern(regexp = "[a-z0-9-]{2,40}")
            String code,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String nameFa,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String nameEn) {
    }
}
