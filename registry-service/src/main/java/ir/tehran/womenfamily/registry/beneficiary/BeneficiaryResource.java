package ir.tehran.womenfamily.registry.beneficiary;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Delta;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Beneficiaries", description = "Women heads of household (زنان سرپرست خانوار)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"admin", "caseworker"})
public class BeneficiaryResource {

    @Inject
    BeneficiaryService service;

    @Inject
    BeneficiarySearch search;

    @Inject
    Caseload caseload;

    @Inject
    Callers callers;

    @Context
    UriInfo uri;

    @POST
    @Operation(operationId = "registerBeneficiary", summary = "Register a woman head of household",
        description = "Send an Idempotency-Key so that a retry does not register her twice.")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = BeneficiaryDtos.BeneficiaryView.class)))
    @IdempotentCreate
    public Response register(@Valid @NotNull BeneficiaryDtos.RegisterBeneficiary request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Beneficiary b = service.register(request, callers.current());
        return Response.created(location(b.id)).tag(Versions.etag(b.version))
            .entity(BeneficiaryDtos.BeneficiaryView.of(b)).build();
    }

    @GET
    @Operation(operationId = "searchBeneficiaries", summary = "Search and list women",
        description = "Exact by national code or mobile; fuzzy by Persian name (q): the spelling as typed (and its "
            + "Arabic-letter, ZWNJ and diacritic variants) first, then names that contain it, then names that sound "
            + "the same (ز ذ ض ظ; س ص ث; ت ط; ه ح; ق غ; ا and ع at the start of a word), then names one slip away (a "
            + "keyboard neighbour, a letter left out or doubled), then near spellings; filters; cursor pages.")
    public RestResponse<Page<BeneficiaryDtos.BeneficiarySummary>> list(
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("nationalCode") String nationalCode,
            @QueryParam("mobile") String mobile,
            @QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("status") Beneficiary.Status status,
            @QueryParam("supportLevel") Beneficiary.SupportLevel supportLevel,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Pages.ok(uri, search.search(new BeneficiarySearch.Criteria(q, nationalCode, mobile, district, status,
            supportLevel, page), callers.current()));
    }

    @GET
    @Path("/caseload")
    @Operation(operationId = "syncCaseload", summary = "Her caseload as a delta feed, for a mobile app that caches it",
        description = "The women the caller may see (an admin every woman; a caseworker those of her districts, "
            + "those she registered and those whose case is hers), in the order of their last change. Without "
            + "updatedSince: all of them. With updatedSince (the syncToken of the last complete sync): those changed "
            + "since, and in deleted, on the first page, the women who left her sight since then, as {id, deletedAt} "
            + "only. Follow nextCursor (or Link rel=next) to the last page and keep its syncToken. After a change "
            + "of the caller's districts, sync again without updatedSince. An updatedSince older than the 90 days "
            + "tombstones are kept is a 410 problem: sync again without it.")
    public RestResponse<Delta<BeneficiaryDtos.BeneficiarySummary>> caseload(
            @Parameter(description = "The syncToken of the last complete sync (an ISO 8601 instant)")
            @QueryParam(Delta.UPDATED_SINCE) String updatedSince,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Instant token = Delta.token();
        Instant since = Delta.updatedSince(updatedSince);
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return Pages.ok(uri, caseload.changes(callers.current(), since, page, token));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBeneficiary", summary = "Read one woman's profile",
        description = "Carries an ETag; a record merged into another answers 301 to the survivor.")
    @APIResponse(responseCode = "200", description = "Her profile",
        content = @Content(schema = @Schema(implementation = BeneficiaryDtos.BeneficiaryView.class)))
    @APIResponse(responseCode = "301", description = "Merged into another record: Location names the survivor",
        headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = BeneficiaryDtos.BeneficiaryView.class)))
    public Response get(@PathParam("id") UUID id) {
        Beneficiary b = service.profile(id, callers.current());
        if (b.isMerged()) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(location(b.mergedInto))
                .entity(BeneficiaryDtos.BeneficiaryView.of(b)).build();
        }
        return Response.ok(BeneficiaryDtos.BeneficiaryView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateBeneficiary", summary = "Change a woman's profile",
        description = "Requires If-Match with the ETag last read.")
    @APIResponse(responseCode = "200", description = "Her changed profile",
        content = @Content(schema = @Schema(implementation = BeneficiaryDtos.BeneficiaryView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull BeneficiaryDtos.UpdateBeneficiary request,
            @Parameter(description = "The ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Beneficiary b = service.update(id, Versions.required(ifMatch), request, callers.current());
        return Response.ok(BeneficiaryDtos.BeneficiaryView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @POST
    @Path("/{id}/status")
    @Operation(operationId = "changeBeneficiaryStatus",
        summary = "Move her status (applicant, active, graduated, exited); exiting needs a reason",
        description = "Requires If-Match with the ETag last read.")
    @APIResponse(responseCode = "200", description = "Her profile with the new status",
        content = @Content(schema = @Schema(implementation = BeneficiaryDtos.BeneficiaryView.class)))
    public Response changeStatus(@PathParam("id") UUID id, @Valid @NotNull BeneficiaryDtos.StatusChange request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Beneficiary b = service.changeStatus(id, Versions.required(ifMatch), request, callers.current());
        return Response.ok(BeneficiaryDtos.BeneficiaryView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @POST
    @Path("/{id}/support-level")
    @Operation(operationId = "changeBeneficiarySupportLevel",
        summary = "Move her support level on the ladder; she is never dropped, the level changes",
        description = "Requires If-Match with the ETag last read.")
    @APIResponse(responseCode = "200", description = "Her profile with the new support level",
        content = @Content(schema = @Schema(implementation = BeneficiaryDtos.BeneficiaryView.class)))
    public Response changeSupportLevel(@PathParam("id") UUID id,
            @Valid @NotNull BeneficiaryDtos.SupportLevelChange request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Beneficiary b = service.changeSupportLevel(id, Versions.required(ifMatch), request, callers.current());
        return Response.ok(BeneficiaryDtos.BeneficiaryView.of(b)).tag(Versions.etag(b.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listBeneficiaryHistory",
        summary = "Every change of her status and support level: who, when, why",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<BeneficiaryDtos.HistoryEntry>> history(@PathParam("id") UUID id,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.history(id, callers.current()), h -> String.valueOf(h.id))
            .map(BeneficiaryDtos.HistoryEntry::of));
    }

    private URI location(UUID id) {
        return uri.getBaseUriBuilder().path(BeneficiaryResource.class).path(id.toString()).build();
    }
}
