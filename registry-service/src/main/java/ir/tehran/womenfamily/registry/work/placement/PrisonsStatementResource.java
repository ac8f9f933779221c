package ir.tehran.womenfamily.registry.work.placement;


import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Where the Prisons Organisation collects the monthly statements of the women placed under its agreement. */
@Path("/agency/placement-statements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("agency")
@Tag(name = "Prisons Organisation statements", description = "Issued monthly attendance statements of paid "
    + "placements: the Prisons Organisation's client only (agency role and its client_id)")
@SecurityRequirement(name = "jwt")
public class PrisonsStatementResource {

    @Inject
    PrisonsStatementService service;

    @GET
    @Operation(operationId = "listAgencyPlacementStatements",
        summary = "The statements issued for a Jalali month, oldest first",
        description = "For an agency; any other caller is refused 403.")
    public RestResponse<Page<PlacementDtos.AgencyStatement>> received(
            @Parameter(description = "A Jalali month, such as 1403-07", required = true) @QueryParam("month")
            String month, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.receive(PlacementResource.month("month", month)),
            s -> s.statementId().toString()));
    }
}
