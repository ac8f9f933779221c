package ir.tehran.womenfamily.registry.work.placement;

import java.net.URI;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A woman's paid placements under the Prisons Organisation agreement, their daily attendance and
 * monthly statements. Sensitive as her cohorts are: her assigned caseworker, or an admin with a
 * break-glass reason; anyone else gets 404, as for a woman who does not exist.
 */
@Path("/beneficiaries/{id}/placements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Paid placements", description = "Placements of conditionally released prisoners in production units "
    + "(sensitive): her assigned caseworker, or an admin through break-glass (X-Break-Glass-Reason)")
@SecurityRequirement(name = "jwt")
public class PlacementResource {

    private static final String REASON = "Required for admins: why they open this record (at least 10 characters; "
        + "percent-encode non-ASCII text)";

    @Inject
    PlacementService service;

    @GET
    @Operation(operationId = "listPlacements", summary = "Her placements, ended ones too",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public RestResponse<Page<PlacementDtos.PlacementView>> list(@PathParam("id") UUID id,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.list(id, reason), p -> p.id.toString())
            .map(PlacementDtos.PlacementView::of));
    }

    @POST
    @Operation(operationId = "startPlacement",
        summary = "Start her placement (she must be eligible under the Prisons Organisation agreement)",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when `id` names nothing the caller may see; 422 when an Idempotency-Key is "
            + "reused for another request.")
    @APIResponse(responseCode = "201", description = "Started", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = PlacementDtos.PlacementView.class)))
    @IdempotentCreate
    public Response start(@PathParam("id") UUID id, @Valid @NotNull PlacementDtos.StartPlacement request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @Context UriInfo uri) {
        Placement p = service.start(id, request, reason);
        URI location = uri.getAbsolutePathBuilder().path(p.id.toString()).build();
        return Response.created(location).entity(PlacementDtos.PlacementView.of(p)).tag(Versions.etag(p.version))
            .build();
    }

    @GET
    @Path("/{placementId}")
    @Operation(operationId = "getPlacement", summary = "One placement",
        description = "One of her placements with its agency, centre, days and hours. Its ETag is its version, which "
            + "ending it and recording attendance send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The placement; its ETag is its version",
        content = @Content(schema = @Schema(implementation = PlacementDtos.PlacementView.class)))
    public Response get(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        Placement p = service.get(id, placementId, reason);
        return Response.ok(PlacementDtos.PlacementView.of(p)).tag(Versions.etag(p.version)).build();
    }

    @POST
    @Path("/{placementId}/end")
    @Operation(operationId = "endPlacement", summary = "End the placement; it stays in her history",
        description = "Requires If-Match with the placement's ETag (its version) last read: 428 without it, 412 when "
            + "it changed since. The end day may not precede its start, a recorded day or an issued statement.")
    @APIResponse(responseCode = "200", description = "The ended placement; its ETag is its new version",
        content = @Content(schema = @Schema(implementation = PlacementDtos.PlacementView.class)))
    public Response end(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Valid @NotNull PlacementDtos.EndPlacement request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        Placement p = service.end(id, placementId, Versions.required(ifMatch), request, reason);
        return Response.ok(PlacementDtos.PlacementView.of(p)).tag(Versions.etag(p.version)).build();
    }

    @PUT
    @Path("/{placementId}/attendance")
    @Operation(operationId = "recordPlacementAttendance",
        summary = "Record days of attendance (a day recorded again is replaced; an issued month is frozen)",
        description = "Requires If-Match with the placement's ETag (its version) last read: 428 without it, 412 when "
            + "someone recorded or changed it since. Each record counts the version up; the answer's ETag is the "
            + "new one, for the next record.")
    @APIResponse(responseCode = "200", description = "The days recorded; the ETag is the placement's new version",
        content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = PlacementDtos.AttendanceView.class)))
    public Response record(@PathParam("id") UUID id,
            @PathParam("placementId") UUID placementId, @Valid @NotNull PlacementDtos.RecordAttendance request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        PlacementService.RecordedAttendance r = service.record(id, placementId, Versions.required(ifMatch), request,
            reason);
        return Response.ok(r.days().stream().map(PlacementDtos.AttendanceView::of).toList())
            .tag(Versions.etag(r.version())).build();
    }

    @GET
    @Path("/{placementId}/attendance")
    @Operation(operationId = "listPlacementAttendance",
        summary = "Her recorded days, of one Jalali month when month is given",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when the path names nothing the caller may see.")
    public RestResponse<Page<PlacementDtos.AttendanceView>> attendance(@PathParam("id") UUID id,
            @PathParam("placementId") UUID placementId,
            @Parameter(description = "A Jalali month, such as 1403-07") @QueryParam("month") String month,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        JalaliMonth m = month == null || month.isBlank() ? null : month("month", month);
        return Pages.ok(uri, page.slice(service.attendance(id, placementId, m, reason), a -> a.day().toString())
            .map(PlacementDtos.AttendanceView::of));
    }

    @GET
    @Path("/{placementId}/statements")
    @Operation(operationId = "listPlacementStatements", summary = "The monthly statements issued so far",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when the path names nothing the caller may see.")
    public RestResponse<Page<PlacementDtos.StatementView>> statements(@PathParam("id") UUID id,
            @PathParam("placementId") UUID placementId,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.statements(id, placementId, reason), s -> s.id.toString())
            .map(PlacementDtos.StatementView::issued));
    }

    @POST
    @Path("/{placementId}/statements")
    @Operation(operationId = "issuePlacementStatement",
        summary = "Issue a month's attendance statement for the Prisons Organisation (once the month is over)",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when the path names nothing the caller may see; 422 when an Idempotency-Key "
            + "is reused for another request.")
    @APIResponse(responseCode = "201", description = "Issued", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = PlacementDtos.StatementView.class)))
    @IdempotentCreate
    public Response issue(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Valid @NotNull PlacementDtos.IssueStatement request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason,
            @Context UriInfo uri) {
        PlacementStatement s = service.issue(id, placementId, month("month", request.month()), reason);
        URI location = uri.getAbsolutePathBuilder().path(s.jalaliMonth).build();
        return Response.created(location).entity(PlacementDtos.StatementView.issued(s)).build();
    }

    @GET
    @Path("/{placementId}/statements/{month}")
    @Operation(operationId = "getPlacementStatement",
        summary = "A month's statement: the issued one, or a draft from the days recorded so far",
        description = "For an admin and a caseworker (only women of her districts or cases); any other caller is "
            + "refused 403. Refused: 404 when the path names nothing the caller may see.")
    public PlacementDtos.StatementView statement(@PathParam("id") UUID id, @PathParam("placementId") UUID placementId,
            @Parameter(description = "A Jalali month, such as 1403-07") @PathParam("month") String month,
            @Parameter(description = REASON) @HeaderParam(SensitiveAccess.BREAK_GLASS_HEADER) String reason) {
        return service.statement(id, placementId, month("month", month), reason);
    }

    static JalaliMonth month(String field, String text) {
        try {
            return JalaliMonth.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "validation.jalali-month");
        }
    }
}
