package ir.tehran.womenfamily.registry.household;

import java.net.URI;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
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
import jakarta.ws.rs.DELETE;
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

@Path("/beneficiaries/{beneficiaryId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Household", description = "A woman's children under 20 and other dependants")
@RolesAllowed({"admin", "caseworker"})
public class HouseholdResource {

    @Inject
    HouseholdService service;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @Path("/children")
    @Operation(operationId = "addChild", summary = "Add a child to her household",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `beneficiaryId` names nothing the caller may see; 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = HouseholdDtos.ChildView.class)))
    @IdempotentCreate
    public Response addChild(@PathParam("beneficiaryId") UUID motherId, @Valid @NotNull HouseholdDtos.AddChild r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Child c = service.addChild(motherId, r, callers.current());
        URI location = uri.getAbsolutePathBuilder().path(c.id.toString()).build();
        return Response.created(location).tag(Versions.etag(c.version)).entity(HouseholdDtos.ChildView.of(c)).build();
    }

    @GET
    @Path("/children")
    @Operation(operationId = "listChildren", summary = "Her children",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `beneficiaryId` names nothing the caller may see.")
    public RestResponse<Page<HouseholdDtos.ChildView>> children(@PathParam("beneficiaryId") UUID motherId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.children(motherId, callers.current()), c -> c.id.toString())
            .map(HouseholdDtos.ChildView::of));
    }

    @GET
    @Path("/children/{childId}")
    @Operation(operationId = "getChild", summary = "One child",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when the path names nothing the caller may see.")
    @APIResponse(responseCode = "200", description = "The child",
        content = @Content(schema = @Schema(implementation = HouseholdDtos.ChildView.class)))
    public Response child(@PathParam("beneficiaryId") UUID motherId, @PathParam("childId") UUID childId) {
        Child c = service.child(motherId, childId, callers.current());
        return Response.ok(HouseholdDtos.ChildView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @PATCH
    @Path("/children/{childId}")
    @Operation(operationId = "updateChild", summary = "Change a child's facts",
        description = "Requires If-Match with the ETag last read.")
    @APIResponse(responseCode = "200", description = "The changed child",
        content = @Content(schema = @Schema(implementation = HouseholdDtos.ChildView.class)))
    public Response updateChild(@PathParam("beneficiaryId") UUID motherId, @PathParam("childId") UUID childId,
            @Valid @NotNull HouseholdDtos.UpdateChild r, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Child c = service.updateChild(motherId, childId, Versions.required(ifMatch), r, callers.current());
        return Response.ok(HouseholdDtos.ChildView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @DELETE
    @Path("/children/{childId}")
    @Operation(operationId = "removeChild", summary = "Take a child off the household record, with the reason",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when the path names nothing the caller may see.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeChild(@PathParam("beneficiaryId") UUID motherId, @PathParam("childId") UUID childId,
            @Valid @NotNull HouseholdDtos.RemoveChild r) {
        service.removeChild(motherId, childId, r.reason(), callers.current());
        return Response.noContent().build();
    }

    @POST
    @Path("/dependants")
    @Operation(operationId = "addDependant", summary = "Add another dependant",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `beneficiaryId` names nothing the caller may see; 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Added; Location is her list of dependants",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = HouseholdDtos.DependantView.class)))
    @IdempotentCreate
    public Response addDependant(@PathParam("beneficiaryId") UUID id, @Valid @NotNull HouseholdDtos.AddDependant r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Dependant d = service.addDependant(id, r, callers.current());
        // dependants are read as her list; Location names it
        return Response.created(uri.getAbsolutePathBuilder().build()).entity(HouseholdDtos.DependantView.of(d))
            .build();
    }

    @GET
    @Path("/dependants")
    @Operation(operationId = "listDependants", summary = "Her other dependants",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `beneficiaryId` names nothing the caller may see.")
    public RestResponse<Page<HouseholdDtos.DependantView>> dependants(@PathParam("beneficiaryId") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.dependants(id, callers.current()), d -> d.id.toString())
            .map(HouseholdDtos.DependantView::of));
    }
}
