package ir.tehran.womenfamily.registry.delivered;

import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/beneficiaries/{id}/business-facilitation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Services delivered")
@SecurityRequirement(name = "jwt")
public class FacilitationResource {

    static final String WHO = "For her assigned caseworker or an admin (her casework); any other role is refused "
        + "403. Refused: 404 when `id` names nothing the caller may see (or a caseworker not assigned to her)";

    @Inject
    FacilitationService service;

    @GET
    @Operation(operationId = "listBusinessFacilitations",
        summary = "What was done to facilitate her business, the latest first",
        description = WHO + ".")
    public RestResponse<Page<DeliveredDtos.FacilitationView>> list(@PathParam("id") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(id), f -> f.id.toString())
            .map(DeliveredDtos.FacilitationView::of));
    }

    @POST
    @Operation(operationId = "recordBusinessFacilitation",
        summary = "Record a market linkage, a micro-loan introduction, a licence or a mentor given to her",
        description = WHO + "; 409 `case-required` when she has no case; 400 for a day still to come; 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is her facilitations' list",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = DeliveredDtos.FacilitationView.class)))
    @IdempotentCreate
    public Response record(@PathParam("id") UUID id, @Valid @NotNull DeliveredDtos.RecordFacilitation request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        BusinessFacilitation f = service.record(id, request);
        return Response.created(uri.getAbsolutePathBuilder().build())
            .entity(DeliveredDtos.FacilitationView.of(f)).build();
    }
}
