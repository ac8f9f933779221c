package ir.tehran.womenfamily.sponsorship.school;

import java.util.List;
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
    @Operation(summary = "Record or correct the report card of a school year (Jalali, e.g. 1403) and term",
        description = "Re-evaluates the at-risk rule. 201 when new, 200 when replaced.")
    public Response put(@PathParam("childId") UUID childId,
            @PathParam("year") @Min(1350) @Max(1500) int year, @PathParam("term") @Min(1) @Max(3) int term,
            @Valid @NotNull TermReportDtos.TermReportInput input) {
        access.requireChild(childId);
        TermReportService.Saved saved = service.put(childId, year, term, input, callers.current().subject());
        return Response.status(saved.created() ? 201 : 200).entity(TermReportDtos.TermReportView.of(saved.report()))
            .build();
    }

    @GET
    @Operation(summary = "Her report cards, latest first")
    public List<TermReportDtos.TermReportView> list(@PathParam("childId") UUID childId) {
        access.requireChild(childId);
        return service.list(childId).stream().map(TermReportDtos.TermReportView::of).toList();
    }
}
