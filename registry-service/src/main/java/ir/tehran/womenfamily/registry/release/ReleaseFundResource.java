package ir.tehran.womenfamily.registry.release;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The campaign fund's balance as the registry knows it, for the caseworkers who draw on it. */
@Path("/release-fund")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Release of imprisoned mothers")
@SecurityRequirement(name = "jwt")
public class ReleaseFundResource {

    @Inject
    ReleaseFundService service;

    @GET
    @Operation(operationId = "getReleaseFundBalance", summary = "What may be drawn from the campaign fund",
        description = "The balance of the campaign fund to free imprisoned mothers in sponsorship's last event, the "
            + "draws still waiting for sponsorship's answer, and what may be drawn now, in integer rials. Names no "
            + "woman and no case. For an admin and a caseworker; any other caller is refused 403.")
    public ReleaseDtos.BalanceView balance() {
        return ReleaseDtos.BalanceView.of(service.balance());
    }
}
