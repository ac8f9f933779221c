package ir.tehran.womenfamily.sponsorship.pledge;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Access;
import ir.tehran.womenfamily.support.jalali.DateInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/instalments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pledges", description = "Pledges and sponsorships, and the money: pledged, received, disbursed")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class InstalmentResource {

    @Inject
    InstalmentService service;

    @Inject
    Access access;

    @GET
    @Path("/overdue")
    @Operation(operationId = "listOverdueInstalments",
        summary = "Instalments of active pledges past their due day and not fully paid, oldest first; by "
        + "district (the caller's districts), sponsor or payer; asOf (ISO or Jalali) defaults to today")
    public List<PledgeDtos.OverdueView> overdue(@QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("sponsorId") UUID sponsorId, @QueryParam("payerId") UUID payerId,
            @QueryParam("asOf") String asOf,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        LocalDate day = asOf == null || asOf.isBlank() ? service.today() : DateInput.required("asOf", asOf);
        return service.overdue(day, new InstalmentService.OverdueFilter(district, sponsorId, payerId, access.scope()),
            page, size).stream().map(o -> PledgeDtos.OverdueView.of(o, day)).toList();
    }
}
