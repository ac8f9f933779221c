package ir.tehran.womenfamily.bazaar.sales;

import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/bazaars/{bazaarId}/footfall")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sales and footfall")
@SecurityRequirement(name = "jwt")
public class FootfallResource {

    @Inject
    SalesService service;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @PUT
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "recordBazaarFootfall", summary = "Report the visitors at one venue on one day")
    public SalesDtos.FootfallView footfall(@PathParam("bazaarId") UUID bazaarId,
            @Valid @NotNull SalesDtos.ReportFootfall request) {
        return SalesDtos.FootfallView.of(service.footfall(bazaarId, request, callers.current().subject()));
    }

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listBazaarFootfall", summary = "Visitors reported for the bazaar")
    public List<SalesDtos.FootfallView> footfall(@PathParam("bazaarId") UUID bazaarId) {
        access.requireStaffOrReader();
        return service.footfall(bazaarId).stream().map(SalesDtos.FootfallView::of).toList();
    }

}
