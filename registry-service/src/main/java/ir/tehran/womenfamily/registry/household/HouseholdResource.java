package ir.tehran.womenfamily.registry.household;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/beneficiaries/{beneficiaryId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Household", description = "A woman's children under 20 and other dependants")
@RolesAllowed({"admin", "caseworker"})
public class HouseholdResource {

    @Inject
    HouseholdService service;

    @Inject
    IdempotentRequests idempotent;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @Path("/children")
    @Operation(summary = "Add a child to her household")
    public Response addChild(@PathParam("beneficiaryId") UUID motherId, @Valid @NotNull HouseholdDtos.AddChild r,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        var actor = callers.current();
        return idempotent.execute(idempotencyKey, actor.subject(), List.of(motherId, r), () -> {
            Child c = service.addChild(motherId, r, actor);
            URI location = uri.getAbsolutePathBuilder().path(c.id.toString()).build();
            return Response.created(location).tag(Versions.etag(c.version)).entity(HouseholdDtos.ChildView.of(c))
                .build();
        });
    }

    @GET
    @Path("/children")
    @Operation(summary = "Her children")
    public List<HouseholdDtos.ChildView> children(@PathParam("beneficiaryId") UUID motherId) {
        return service.children(motherId, callers.current()).stream().map(HouseholdDtos.ChildView::of).toList();
    }

    @GET
    @Path("/children/{childId}")
    @Operation(summary = "One child")
    public Response child(@PathParam("beneficiaryId") UUID motherId, @PathParam("childId") UUID childId) {
        Child c = service.child(motherId, childId, callers.current());
        return Response.ok(HouseholdDtos.ChildView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @PATCH
    @Path("/children/{childId}")
    @Operation(summary = "Change a child's facts", description = "Requires If-Match with the ETag last read.")
    public Response updateChild(@PathParam("beneficiaryId") UUID motherId, @PathParam("childId") UUID childId,
            @Valid @NotNull HouseholdDtos.UpdateChild r, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Child c = service.updateChild(motherId, childId, Versions.required(ifMatch), r, callers.current());
        return Response.ok(HouseholdDtos.ChildView.of(c)).tag(Versions.etag(c.version)).build();
    }

    @DELETE
    @Path("/children/{childId}")
    @Operation(summary = "Take a child off the household record, with the reason")
    public Response removeChild(@PathParam("beneficiaryId") UUID motherId, @PathParam("childId") UUID childId,
            @Valid @NotNull HouseholdDtos.RemoveChild r) {
        service.removeChild(motherId, childId, r.reason(), callers.current());
        return Response.noContent().build();
    }

    @POST
    @Path("/dependants")
    @Operation(summary = "Add another dependant")
    public Response addDependant(@PathParam("beneficiaryId") UUID id, @Valid @NotNull HouseholdDtos.AddDependant r) {
        Dependant d = service.addDependant(id, r, callers.current());
        return Response.status(Response.Status.CREATED).entity(HouseholdDtos.DependantView.of(d)).build();
    }

    @GET
    @Path("/dependants")
    @Operation(summary = "Her other dependants")
    public List<HouseholdDtos.DependantView> dependants(@PathParam("beneficiaryId") UUID id) {
        return service.dependants(id, callers.current()).stream().map(HouseholdDtos.DependantView::of).toList();
    }
}
