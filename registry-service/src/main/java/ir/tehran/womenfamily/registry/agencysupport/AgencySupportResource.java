package ir.tehran.womenfamily.registry.agencysupport;

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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** What other agencies give her household, recorded by a caseworker who may see her. */
@Path("/beneficiaries/{beneficiaryId}/agency-support")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Support from other agencies", description = "What the Relief Committee, the Welfare Organisation, "
    + "benefactors and other agencies give a household, so that overlap and gaps are seen")
@RolesAllowed({"admin", "caseworker"})
public class AgencySupportResource {

    @Inject
    AgencySupportService service;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @Operation(operationId = "recordAgencySupport", summary = "Record support her household receives from an agency",
        description = "The agency (kind, and a name for OTHER or a named benefactor), what kind of support, an "
            + "amount in integer rials per month or a description of support in kind (exactly one), the period as "
            + "whole Jalali months (any day of the first and of the last month, ISO or Jalali) and whether a "
            + "caseworker recorded it or the agency reported it. Only for someone who may see her (404 otherwise); "
            + "audited.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = AgencySupportDtos.SupportView.class)))
    @IdempotentCreate
    public Response record(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Valid @NotNull AgencySupportDtos.SupportInput request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        AgencySupport s = service.record(beneficiaryId, request, callers.current());
        return Response.created(Pages.location(uri, s.id)).tag(Versions.etag(s.version))
            .entity(AgencySupportDtos.SupportView.of(s)).build();
    }

    @GET
    @Operation(operationId = "listAgencySupport", summary = "The support her household receives from other agencies",
        description = "Every record, newest period first, as a page. Only for someone who may see her (404 "
            + "otherwise); audited.")
    public RestResponse<Page<AgencySupportDtos.SupportView>> list(@PathParam("beneficiaryId") UUID beneficiaryId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(beneficiaryId, callers.current()), s -> s.id.toString())
            .map(AgencySupportDtos.SupportView::of));
    }

    @GET
    @Path("/totals")
    @Operation(operationId = "getAgencySupportTotals", summary = "What each agency gives her household over a period",
        description = "Per agency, within whole Jalali months (from/to: any day of the first and last month, ISO or "
            + "Jalali; by default the twelve months up to this one, at most 120): rials (each monthly amount times "
            + "the months it meets the period), records in kind, months covered and months in which another agency "
            + "gives too. Only for someone who may see her (404 otherwise); audited.")
    @APIResponse(responseCode = "200", description = "The totals",
        content = @Content(schema = @Schema(implementation = AgencySupportDtos.Totals.class)))
    public AgencySupportDtos.Totals totals(@PathParam("beneficiaryId") UUID beneficiaryId,
            @Parameter(schema = @Schema(ref = "DateInput")) @QueryParam("from") String from,
            @Parameter(schema = @Schema(ref = "DateInput")) @QueryParam("to") String to) {
        return service.totals(beneficiaryId, from, to, callers.current());
    }

    @GET
    @Path("/{supportId}")
    @Operation(operationId = "getAgencySupport", summary = "One record of support from another agency",
        description = "With its version as ETag. Only for someone who may see her (404 otherwise); audited.")
    @APIResponse(responseCode = "200", description = "The record",
        content = @Content(schema = @Schema(implementation = AgencySupportDtos.SupportView.class)))
    public Response one(@PathParam("beneficiaryId") UUID beneficiaryId, @PathParam("supportId") UUID supportId) {
        AgencySupport s = service.one(beneficiaryId, supportId, callers.current());
        return Response.ok(AgencySupportDtos.SupportView.of(s)).tag(Versions.etag(s.version)).build();
    }

    @PUT
    @Path("/{supportId}")
    @Operation(operationId = "correctAgencySupport", summary = "Correct a record of support from another agency",
        description = "Replaces its facts (the same body as recording it); requires If-Match with the ETag last "
            + "read. Who corrected it and when are kept. Only for someone who may see her (404 otherwise); "
            + "audited.")
    @APIResponse(responseCode = "200", description = "The corrected record",
        content = @Content(schema = @Schema(implementation = AgencySupportDtos.SupportView.class)))
    public Response correct(@PathParam("beneficiaryId") UUID beneficiaryId, @PathParam("supportId") UUID supportId,
            @Valid @NotNull AgencySupportDtos.SupportInput request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        AgencySupport s = service.correct(beneficiaryId, supportId, Versions.required(ifMatch), request,
            callers.current());
        return Response.ok(AgencySupportDtos.SupportView.of(s)).tag(Versions.etag(s.version)).build();
    }
}
