package ir.tehran.womenfamily.sponsorship.school;

import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import ir.tehran.womenfamily.support.web.Versions;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.ws.rs.QueryParam;

@Path("/children/{childId}/term-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "School record", description = "Report cards: term grades by subject and attendance")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class TermReportResource {

    @Inject
    TermReportService service;

    @Inject
    Access access;

    @Inject
    Callers callers;

    @PUT
    @Path("/{year}/{term}")
    @Operation(operationId = "recordTermReport",
        summary = "Record or correct the report card of a school year (Jalali, e.g. 1403) and term",
        description = "Re-evaluates the at-risk rule. 201 when new, 200 when replaced; replacing requires If-Match "
            + "with the report card's ETag last read.")
    @APIResponse(responseCode = "200", description = "Replaced",
        content = @Content(schema = @Schema(implementation = TermReportDtos.TermReportView.class)))
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The report card's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = TermReportDtos.TermReportView.class)))
    public Response put(@PathParam("childId") UUID childId,
            @PathParam("year") @Min(1350) @Max(1500) int year, @PathParam("term") @Min(1) @Max(3) int term,
            @Valid @NotNull TermReportDtos.TermReportInput input, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context UriInfo uri) {
        access.requireChild(childId);
        Long expected = Versions.optional(ifMatch);
        TermReportService.Saved saved = service.put(childId, year, term, expected, input,
            callers.current().subject());
        Response.ResponseBuilder answer = saved.created() ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return answer.tag(Versions.etag(saved.report().version))
            .entity(TermReportDtos.TermReportView.of(saved.report())).build();
    }

    @GET
    @Operation(operationId = "listTermReports",
        summary = "Her report cards, latest first",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`childId` names nothing the caller may see.")
    public RestResponse<Page<TermReportDtos.TermReportView>> list(@PathParam("childId") UUID childId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        access.requireChild(childId);
        return Pages.ok(uri, page.slice(service.list(childId), r -> r.id.toString())
            .map(TermReportDtos.TermReportView::of));
    }

    @GET
    @Path("/{year}/{term}")
    @Operation(operationId = "getTermReport", summary = "Her report card of a school year and term",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "the path names nothing the caller may see.")
    public RestResponse<TermReportDtos.TermReportView> get(@PathParam("childId") UUID childId,
            @PathParam("year") @Min(1350) @Max(1500) int year, @PathParam("term") @Min(1) @Max(3) int term) {
        access.requireChild(childId);
        return service.find(childId, year, term)
            .map(r -> RestResponse.ResponseBuilder.ok(TermReportDtos.TermReportView.of(r))
                .tag(Versions.etag(r.version)).build())
            .orElseThrow(() -> ProblemException.notFound("term-report", childId + "/" + year + "/" + term));
    }
}
