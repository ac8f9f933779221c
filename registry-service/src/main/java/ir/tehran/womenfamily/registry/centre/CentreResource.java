package ir.tehran.womenfamily.registry.centre;

import java.util.UUID;

import ir.tehran.womenfamily.registry.centre.CentreDtos.CentreChange;
import ir.tehran.womenfamily.registry.centre.CentreDtos.CentreView;
import ir.tehran.womenfamily.registry.centre.CentreDtos.NewCentre;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Kowsar workshop centres: listed for staff, kept by admins. */
@Path("/workshop-centres")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshop centres", description = "Kowsar centres (مراکز کوثر)")
public class CentreResource {

    @Inject
    CentreService service;

    @GET
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator", "sponsorship-officer"})
    @Operation(operationId = "listWorkshopCentres", summary = "Centres, optionally of one district",
        description = "For an admin, a caseworker, a bazaar coordinator and a sponsorship officer; any other caller "
            + "is refused 403.")
    public RestResponse<Page<CentreView>> list(@QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(district), c -> c.id.toString()).map(CentreView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator", "sponsorship-officer"})
    @Operation(operationId = "getWorkshopCentre", summary = "One centre",
        description = "For an admin, a caseworker, a bazaar coordinator and a sponsorship officer; any other caller "
            + "is refused 403. Refused: 404 when `id` names nothing the caller may see.")
    @APIResponse(responseCode = "200", description = "The centre",
        content = @Content(schema = @Schema(implementation = CentreView.class)))
    public Response get(@PathParam("id") UUID id) {
        WorkshopCentre c = service.find(id).orElseThrow(() -> ProblemException.notFound("centre", id));
        return Response.ok(CentreView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "createWorkshopCentre", summary = "Record a centre",
        description = "For an admin; any other caller is refused 403. Refused: 422 when an Idempotency-Key is reused "
            + "for another request.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CentreView.class)))
    @IdempotentCreate
    public Response create(@Valid @NotNull NewCentre n, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        WorkshopCentre c = service.create(n);
        return Response.created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
            .tag(Versions.etag(c.version)).entity(CentreView.of(c)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "updateWorkshopCentre", summary = "Change a centre (its renovation, capacity...)",
        description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The changed centre",
        content = @Content(schema = @Schema(implementation = CentreView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull CentreChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WorkshopCentre c = service.update(id, Versions.required(ifMatch), change);
        return Response.ok(CentreView.of(c)).tag(Versions.etag(c.version)).build();
    }
}
