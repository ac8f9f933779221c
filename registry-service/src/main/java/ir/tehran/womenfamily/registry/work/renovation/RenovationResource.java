package ir.tehran.womenfamily.registry.work.renovation;

import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/** Renovation plans of the Kowsar centres (بازسازی مراکز کوثر): admins write, staff who plan production read. */
@Path("/centre-renovations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workshop centres")
public class RenovationResource {

    @Inject
    RenovationService service;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "planCentreRenovation",
        summary = "Plan a centre's renovation; its days are then closed to production orders",
        description = "For an admin; any other caller is refused 403. Refused: 422 when an Idempotency-Key is reused "
            + "for another request.")
    @APIResponse(responseCode = "201", description = "Planned", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = RenovationDtos.RenovationView.class)))
    @IdempotentCreate
    public Response plan(@Valid @NotNull RenovationDtos.NewRenovation n,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Renovation r = service.plan(n, callers.current().subject());
        return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
            .tag(Versions.etag(r.version)).entity(RenovationDtos.RenovationView.of(r)).build();
    }

    @GET
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listCentreRenovations",
        summary = "Renovations, of one centre or in one state, by start date",
        description = "For an admin and a caseworker; any other caller is refused 403.")
    public RestResponse<Page<RenovationDtos.RenovationView>> list(@QueryParam("centreId") UUID centreId,
            @QueryParam("state") RenovationState state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(centreId, state), r -> r.id.toString())
            .map(RenovationDtos.RenovationView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getCentreRenovation", summary = "One renovation",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `id` names "
            + "nothing the caller may see.")
    @APIResponse(responseCode = "200", description = "The renovation",
        content = @Content(schema = @Schema(implementation = RenovationDtos.RenovationView.class)))
    public Response get(@PathParam("id") UUID id) {
        Renovation r = service.find(id).orElseThrow(() -> ProblemException.notFound("renovation", id));
        return Response.ok(RenovationDtos.RenovationView.of(r)).tag(Versions.etag(r.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(operationId = "updateCentreRenovation", summary = "Change a renovation's plan, budget or dates",
        description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The changed renovation",
        content = @Content(schema = @Schema(implementation = RenovationDtos.RenovationView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull RenovationDtos.RenovationChange change,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Renovation r = service.update(id, Versions.required(ifMatch), change);
        return Response.ok(RenovationDtos.RenovationView.of(r)).tag(Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed("admin")
    @Operation(operationId = "moveCentreRenovation", summary = "PLANNED → IN_PROGRESS → DONE, or PLANNED → CANCELLED",
        description = "Requires If-Match.")
    @APIResponse(responseCode = "200", description = "The renovation in its new state",
        content = @Content(schema = @Schema(implementation = RenovationDtos.RenovationView.class)))
    public Response move(@PathParam("id") UUID id, @Valid @NotNull RenovationDtos.Move move,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Renovation r = service.move(id, Versions.required(ifMatch), move.to(), move.on());
        return Response.ok(RenovationDtos.RenovationView.of(r)).tag(Versions.etag(r.version)).build();
    }
}
