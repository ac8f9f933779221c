package ir.tehran.womenfamily.registry.cohort;

import java.net.URI;
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

/**
 * The only way in or out for a woman's sensitive cohorts. Her assigned caseworker, or an admin with a
 * break-glass reason; anyone else gets 404, as for a woman who does not exist.
 */
@Path("/beneficiaries/{id}/cohorts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Sensitive cohorts", description = "Conditionally released prisoner, recovering from addiction and "
    + "others: her assigned caseworker, or an admin through break-glass (X-Break-Glass-Reason)")
@SecurityRequirement(name = "jwt")
public class CohortResource {

    private static final String REASON = "Required for admins: why they open this record (at least 10 characters; "
        + "percent-encode non-ASCII text)";

    @Inject
    CohortService service;

    @GET
    @Operation(operationId = "listCohortMemberships", summary = "Her cohort memberships, ended ones too",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<CohortDtos.MembershipView>> list(@PathParam("id") UUID id,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.memberships(id, reason), m -> m.membership().id.toString())
            .map(m -> CohortDtos.MembershipView.of(m.membership(), m.definition())));
    }

    @POST
    @Operation(operationId = "addCohortMembership", summary = "Record a cohort she belongs to",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see; 422 when an Idempotency-Key is "
            + "reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CohortDtos.MembershipView.class)))
    @IdempotentCreate
    public Response add(@PathParam("id") UUID id, @Valid @NotNull CohortDtos.AddMembership request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @Context UriInfo uri) {
        CohortService.Membership m = service.add(id, request, reason);
        URI location = uri.getAbsolutePathBuilder().build();
        return Response.created(location).entity(CohortDtos.MembershipView.of(m.membership(), m.definition()))
            .build();
    }

    @POST
    @Path("/{membershipId}/end")
    @Operation(operationId = "endCohortMembership", summary = "End a membership; it stays in her history",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when the path names nothing the caller may see.")
    public CohortDtos.MembershipView end(@PathParam("id") UUID id, @PathParam("membershipId") UUID membershipId,
            @Valid @NotNull CohortDtos.EndMembership request,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        CohortService.Membership m = service.end(id, membershipId, request, reason);
        return CohortDtos.MembershipView.of(m.membership(), m.definition());
    }
}
