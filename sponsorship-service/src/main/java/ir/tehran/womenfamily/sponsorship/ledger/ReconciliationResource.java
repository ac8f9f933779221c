package ir.tehran.womenfamily.sponsorship.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/ledger/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pledges")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class ReconciliationResource {

    @Inject
    ReconciliationService service;

    @GET
    @Operation(operationId = "reconcileLedger",
        summary = "Check that the ledger and every pledge's balances agree",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public ReconciliationService.Report reconcile() {
        return service.reconcile();
    }
}
