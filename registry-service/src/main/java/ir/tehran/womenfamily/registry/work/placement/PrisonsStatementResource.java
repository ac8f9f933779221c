package ir.tehran.womenfamily.registry.work.placement;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
        summary = "The statements issued for a Jalali month, oldest first")
    public List<PlacementDtos.AgencyStatement> received(
            @Parameter(description = "A Jalali month, such as 1403-07", required = true) @QueryParam("month")
            String month) {
        return service.receive(PlacementResource.month("month", month));
    }
}
