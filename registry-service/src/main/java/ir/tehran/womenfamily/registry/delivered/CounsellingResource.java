package ir.tehran.womenfamily.registry.delivered;

import java.util.UUID;

import ir.tehran.womenfamily.registry.access.SensitiveAccess;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/beneficiaries/{id}/counselling")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Services delivered", description = "Counselling, training and business facilitation delivered to a "
    + "woman, each under her case and a step of the support ladder")
@SecurityRequirement(name = "jwt")
public class CounsellingResource {

    private static final String WHO = "For her assigned caseworker or counsellor, or an admin through break-glass "
        + "(counselling is read as her cohorts are); any other role is refused 403. Refused: 404 when `id` names "
        + "nothing the caller may see (or a caseworker not assigned to her); 400 when an admin gives no usable "
        + "break-glass reason";

    @Inject
    CounsellingService service;

    @GET
    @Operation(operationId = "listCounsellingSessions",
        summary = "Her counselling sessions (sensitive), the latest first",
        description = WHO + ".")
    public RestResponse<Page<DeliveredDtos.CounsellingView>> list(@PathParam("id") UUID id,
            @Parameter(description = "Required for admins: why they open this record (at least 10 characters)")
            @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(id, reason), s -> s.id.toString())
            .map(DeliveredDtos.CounsellingView::of));
    }

    @POST
    @Operation(operationId = "recordCounsellingSession",
        summary = "Record a counselling session with her, alone or with her family (sensitive, never in an event)",
        description = WHO + "; 409 `case-required` when she has no case; 400 for a day still to come; 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is her sessions' list",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = DeliveredDtos.CounsellingView.class)))
    @IdempotentCreate
    public Response record(@PathParam("id") UUID id, @Valid @NotNull DeliveredDtos.RecordCounselling request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = "Required for admins: why they open this record (at least 10 characters)")
            @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason, @Context UriInfo uri) {
        CounsellingSession s = service.record(id, request, reason);
        return Response.created(uri.getAbsolutePathBuilder().build())
            .entity(DeliveredDtos.CounsellingView.of(s)).build();
    }
}
