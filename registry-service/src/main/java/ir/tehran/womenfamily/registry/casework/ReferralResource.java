package ir.tehran.womenfamily.registry.casework;

import java.net.URI;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/beneficiaries/{id}/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Referrals", description = "Referrals to and from the Relief Committee, the Welfare Organisation, "
    + "benefactors and other agencies (her assigned caseworker or an admin)")
@SecurityRequirement(name = "jwt")
public class ReferralResource {

    @Inject
    ReferralService service;

    @GET
    @Operation(operationId = "listBeneficiaryReferrals", summary = "Her referrals, newest first, each with its history",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<CaseworkDtos.ReferralView>> list(@PathParam("id") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(id), r -> r.referral().id.toString())
            .map(r -> CaseworkDtos.ReferralView.of(r.referral(), r.history())));
    }

    @POST
    @Operation(operationId = "createReferral",
        summary = "Record a referral; one out needs her active consent to sharing with that agency",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see; 422 when an Idempotency-Key is "
            + "reused for another request.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CaseworkDtos.ReferralView.class)))
    @IdempotentCreate
    public Response create(@PathParam("id") UUID id, @Valid @NotNull CaseworkDtos.CreateReferral request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        ReferralService.ReferralWithHistory r = service.create(id, request);
        URI location = uri.getAbsolutePathBuilder().path(r.referral().id.toString()).build();
        return Response.created(location).entity(CaseworkDtos.ReferralView.of(r.referral(), r.history()))
            .tag(Versions.etag(r.referral().version)).build();
    }

    @GET
    @Path("/{referralId}")
    @Operation(operationId = "getReferral", summary = "One referral with its history",
        description = "One of her referrals, in or out, with every step it went through. Its ETag is its version, "
            + "which a move sends back in If-Match.")
    @APIResponse(responseCode = "200", description = "The referral; its ETag is its version",
        content = @Content(schema = @Schema(implementation = CaseworkDtos.ReferralView.class)))
    public Response get(@PathParam("id") UUID id, @PathParam("referralId") UUID referralId) {
        ReferralService.ReferralWithHistory r = service.get(id, referralId);
        return Response.ok(CaseworkDtos.ReferralView.of(r.referral(), r.history()))
            .tag(Versions.etag(r.referral().version)).build();
    }

    @POST
    @Path("/{referralId}/transitions")
    @Operation(operationId = "moveReferral",
        summary = "Move a referral on: PROPOSED → SENT → ACCEPTED or DECLINED; ACCEPTED → COMPLETED",
        description = "Requires If-Match with the referral's ETag (its version) last read: 428 without it, 412 when "
            + "it changed since. An illegal move is a 409; sending one out needs her active consent to sharing "
            + "with the agency.")
    @APIResponse(responseCode = "200", description = "The moved referral; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = CaseworkDtos.ReferralView.class)))
    public Response move(@PathParam("id") UUID id, @PathParam("referralId") UUID referralId,
            @Valid @NotNull CaseworkDtos.MoveReferral request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ReferralService.ReferralWithHistory r = service.move(id, referralId, Versions.required(ifMatch), request);
        return Response.ok(CaseworkDtos.ReferralView.of(r.referral(), r.history()))
            .tag(Versions.etag(r.referral().version)).build();
    }
}
