package ir.tehran.womenfamily.sponsorship.coverage;


import ir.tehran.womenfamily.sponsorship.common.Access;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

@Path("/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "Needs open against needs met, by district and purpose, and per sponsor")
@SecurityRequirement(name = "jwt")
public class CoverageResource {

    @Inject
    CoverageService service;

    @Inject
    Access access;

    @GET
    @RolesAllowed({"admin", "sponsorship-officer", "partner-app"})
    @Operation(operationId = "getSponsorshipCoverage",
        summary = "Coverage by district and purpose (aggregates only; a partner application needs the scope "
        + "sponsorship.coverage.read)",
        description = "For an admin, a sponsorship officer and a partner app with the scope "
            + "`sponsorship.coverage.read`; any other caller is refused 403.")
    public CoverageService.Report coverage(@QueryParam("district") @Min(1) @Max(22) Short district) {
        access.requireStaffOrScope(Access.COVERAGE_SCOPE);
        return service.byDistrictAndPurpose(district).within(access.scope());
    }

    @GET
    @Path("/sponsors")
    @RolesAllowed({"admin", "sponsorship-officer"})
    @Operation(operationId = "listSponsorCoverage",
        summary = "What each sponsor gives",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<CoverageService.SponsorRow>> sponsors(@QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.bySponsor(), r -> r.sponsorId().toString()));
    }
}
