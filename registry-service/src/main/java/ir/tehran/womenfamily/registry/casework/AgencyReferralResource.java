package ir.tehran.womenfamily.registry.casework;

import java.net.URI;
import java.util.UUID;

import ir.tehran.womenfamily.registry.common.RequiresScope;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The agencies' side of referrals: an agency client with the scope {@value AgencyReferralService#SCOPE} reads
 * and answers the referrals out to its agency and refers women in. See {@link AgencyReferralService}.
 */
@Path("/agency/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("agency")
@RequiresScope(AgencyReferralService.SCOPE)
@Tag(name = "Agency referrals", description = "Referrals between the directorate and another agency, as that "
    + "agency's client sees them (scope registry.referrals; only its own referrals)")
@SecurityRequirement(name = "jwt")
public class AgencyReferralResource {

    @Inject
    AgencyReferralService service;

    @GET
    @Operation(operationId = "listAgencyReferrals", summary = "The calling agency's referrals, newest first",
        description = "Referrals out to the calling agency once sent, and the referrals it sent in; each with its "
            + "history. No personal data: the delivered referral carried what its purpose needs.")
    public RestResponse<Page<CaseworkDtos.AgencyReferralView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(), r -> r.referral().id.toString())
            .map(r -> CaseworkDtos.AgencyReferralView.of(r.referral(), r.history())));
    }

    @GET
    @Path("/{referralId}")
    @Operation(operationId = "getAgencyReferral", summary = "One of the calling agency's referrals",
        description = "Its state and history; the ETag is what a move sends in If-Match. 404 for a referral that "
            + "is not the agency's.")
    @APIResponse(responseCode = "200", description = "The referral",
        headers = @Header(name = "ETag", description = "Its version",
            schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = CaseworkDtos.AgencyReferralView.class)))
    public Response get(@PathParam("referralId") UUID referralId) {
        ReferralService.ReferralWithHistory r = service.get(referralId);
        return Response.ok(CaseworkDtos.AgencyReferralView.of(r.referral(), r.history()))
            .tag(Versions.etag(r.referral().version)).build();
    }

    @POST
    @Path("/{referralId}/transitions")
    @Operation(operationId = "answerAgencyReferral", summary = "Accept, decline or close a referral out to the agency",
        description = "SENT → ACCEPTED or DECLINED, ACCEPTED → COMPLETED, over the version read (If-Match: 428 "
            + "without, 412 when it changed). Written to the referral's history in her case and audited.")
    @APIResponse(responseCode = "200", description = "The referral in its new state",
        headers = @Header(name = "ETag", description = "Its new version",
            schema = @Schema(type = SchemaType.STRING)),
        content = @Content(schema = @Schema(implementation = CaseworkDtos.AgencyReferralView.class)))
    public Response move(@PathParam("referralId") UUID referralId,
            @Parameter(description = "The referral's ETag last read", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseworkDtos.AgencyMove request) {
        long expected = Versions.required(ifMatch);
        ReferralService.ReferralWithHistory r = service.move(referralId, expected, request.state());
        return Response.ok(CaseworkDtos.AgencyReferralView.of(r.referral(), r.history()))
            .tag(Versions.etag(r.referral().version)).build();
    }

    @POST
    @Operation(operationId = "referToDirectorate", summary = "Refer a registered woman to the directorate",
        description = "A referral in, SENT, on her record: her assigned caseworker sees and answers it. 404 for a "
            + "national code that is not a registered woman's.")
    @APIResponse(responseCode = "201", description = "Sent", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CaseworkDtos.AgencyReferralView.class)))
    @IdempotentCreate
    public Response referIn(@Valid @NotNull CaseworkDtos.AgencyReferralIn request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        ReferralService.ReferralWithHistory r = service.referIn(request);
        URI location = uri.getAbsolutePathBuilder().path(r.referral().id.toString()).build();
        return Response.created(location).entity(CaseworkDtos.AgencyReferralView.of(r.referral(), r.history()))
            .tag(Versions.etag(r.referral().version)).build();
    }
}
