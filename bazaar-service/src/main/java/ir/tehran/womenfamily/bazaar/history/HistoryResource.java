package ir.tehran.womenfamily.bazaar.history;

import java.time.LocalDate;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.bazaar.common.Dates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "History", description = "A plausible record of past bazaars, for fairness over twelve months")
@SecurityRequirement(name = "jwt")
public class HistoryResource {

    @Inject
    HistoryService service;

    @POST
    @RolesAllowed(BazaarAccess.ADMIN)
    @Operation(summary = "Generate the past bazaars (96 by default, over two years) for the known producers, once")
    public Response generate(@QueryParam("bazaars") @Min(1) @Max(200) Integer bazaars,
            @QueryParam("seed") Long seed, @QueryParam("endingBefore") String endingBefore) {
        LocalDate end = endingBefore == null ? LocalDate.now(Dates.TEHRAN) : Dates.parseAny("endingBefore",
            endingBefore);
        return Response.status(201).entity(service.generate(bazaars == null ? 96 : bazaars, seed == null ? 1402 : seed,
            end)).build();
    }
}
