package ir.tehran.womenfamily.registry.release;

import java.util.UUID;

import ir.tehran.womenfamily.registry.access.SensitiveAccess;
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
 * A mother's release cases (the campaign to free imprisoned mothers). A sensitive fact under the rule of her
 * cohorts: her assigned caseworker, or an admin with a break-glass reason; anyone else gets 404, as for a woman
 * who does not exist.
 */
@Path("/beneficiaries/{id}/release-cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Release of imprisoned mothers", description = "A mother held for an unintentional or financial "
    + "offence: what she owes, the creditor's settlement, the court steps, what the campaign fund pays, her release "
    + "and her path into work; her assigned caseworker, or an admin through break-glass (X-Break-Glass-Reason)")
@SecurityRequirement(name = "jwt")
public class ReleaseCaseResource {

    static final String REASON = "Required for admins: why they open this record (at least 10 characters; "
        + "percent-encode non-ASCII text)";
    private static final String WHO = " Her assigned caseworker, or an admin with a break-glass reason; any other "
        + "caseworker or admin gets 404 (as for a woman who does not exist), any other role 403. Audited, never in "
        + "an event.";

    @Inject
    ReleaseCaseService service;

    @Inject
    ReleaseFundService fund;

    @Context
    UriInfo uri;

    @POST
    @Operation(operationId = "openReleaseCase", summary = "Open a release case for an imprisoned mother",
        description = "What she was held for, what she owes (blood money, a debt or a fine) in integer rials and "
            + "since when (ISO or Jalali, not after today). One open case at a time: 409 `release-case-open` "
            + "otherwise; 422 when an Idempotency-Key is reused for another request." + WHO)
    @APIResponse(responseCode = "201", description = "Opened", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = ReleaseDtos.CaseView.class)))
    @IdempotentCreate
    public Response open(@PathParam("id") UUID id, @Valid @NotNull ReleaseDtos.OpenCase request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        ReleaseCaseService.Detail d = service.open(id, request, reason);
        return Response.created(Pages.location(uri, d.releaseCase().id)).tag(Versions.etag(d.releaseCase().version))
            .entity(ReleaseDtos.CaseView.of(d.releaseCase(), d.steps())).build();
    }

    @GET
    @Operation(operationId = "listReleaseCases", summary = "Her release cases, newest first",
        description = "Without their histories (read one case for that), as a page." + WHO)
    public RestResponse<Page<ReleaseDtos.CaseView>> list(@PathParam("id") UUID id,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(id, reason), c -> c.id.toString())
            .map(c -> ReleaseDtos.CaseView.of(c, null)));
    }

    @GET
    @Path("/{caseId}")
    @Operation(operationId = "getReleaseCase", summary = "One release case with its history",
        description = "Its amounts (owed, settled, due, paid by the campaign fund, remaining) and every step, oldest "
            + "first; its version as ETag. 404 also when the case is not hers." + WHO)
    @APIResponse(responseCode = "200", description = "The case",
        content = @Content(schema = @Schema(implementation = ReleaseDtos.CaseView.class)))
    public Response one(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        ReleaseCaseService.Detail d = service.one(id, caseId, reason);
        return Response.ok(ReleaseDtos.CaseView.of(d.releaseCase(), d.steps()))
            .tag(Versions.etag(d.releaseCase().version)).build();
    }

    @POST
    @Path("/{caseId}/steps")
    @Operation(operationId = "recordReleaseStep", summary = "Record a step of a release case",
        description = "A court step (COURT_HEARING, COURT_RULING, COURT_OTHER), the creditor's settlement "
            + "(CREDITOR_SETTLEMENT with amountRials, at most what she owes and not below what the fund has paid) "
            + "or her release (RELEASED, which also records her PRISON_RELEASE cohort) on an open case; after her "
            + "release her path into work (PLACEMENT, CENTRE, PRODUCTION with referenceId: her placement, the "
            + "workshop centre, the production order). Refused: 400 with the field for a missing or unexpected "
            + "amount or reference, a day before the case or her release or after today; 409 "
            + "`release-case-released` or `release-case-not-released` for the case's state, "
            + "`release-settlement-below-drawn`; 422 when an Idempotency-Key is reused for another request." + WHO)
    @APIResponse(responseCode = "201", description = "Recorded; the case with its history",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = ReleaseDtos.CaseView.class)))
    @IdempotentCreate
    public Response record(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
            @Valid @NotNull ReleaseDtos.RecordStep request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        ReleaseCaseService.Detail d = service.record(id, caseId, request, reason);
        return Response.created(uri.getBaseUriBuilder().path(ReleaseCaseResource.class).path(caseId.toString())
            .build(id))
            .tag(Versions.etag(d.releaseCase().version))
            .entity(ReleaseDtos.CaseView.of(d.releaseCase(), d.steps())).build();
    }

    @POST
    @Path("/{caseId}/draws")
    @Operation(operationId = "drawFromReleaseFund", summary = "Draw from the campaign fund for her case",
        description = "Asks the campaign fund to free imprisoned mothers (kept by sponsorship) to pay `amountRials` "
            + "toward what is due on her open case. Sponsorship learns only an opaque draw id and the amount; the "
            + "case's history shows the draw (FUND_DRAW), and FUND_DRAW_REFUSED if sponsorship refuses it. Refused: "
            + "409 `release-fund-insufficient` when the fund's balance less the draws waiting for an answer does not "
            + "cover it (the fund is never overdrawn), `release-draw-exceeds-due` beyond what is still due, "
            + "`release-case-released` on a released case; 422 when an Idempotency-Key is reused for another "
            + "request." + WHO)
    @APIResponse(responseCode = "201", description = "Drawn; the case with its history",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = ReleaseDtos.CaseView.class)))
    @IdempotentCreate
    public Response draw(@PathParam("id") UUID id, @PathParam("caseId") UUID caseId,
            @Valid @NotNull ReleaseDtos.Draw request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        ReleaseCaseService.Detail d = fund.draw(id, caseId, request.amountRials(), reason);
        return Response.created(uri.getBaseUriBuilder().path(ReleaseCaseResource.class).path(caseId.toString())
                .build(id))
            .tag(Versions.etag(d.releaseCase().version))
            .entity(ReleaseDtos.CaseView.of(d.releaseCase(), d.steps())).build();
    }
}
