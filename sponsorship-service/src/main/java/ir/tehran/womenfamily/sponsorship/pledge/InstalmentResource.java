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
import ir.tehran.womenfamily.support.web.http.Cursor;

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
        + "district (the caller's districts), sponsor or payer; asOf (ISO or Jalali) defaults to today",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<PledgeDtos.OverdueView>> overdue(@QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("sponsorId") UUID sponsorId, @QueryParam("payerId") UUID payerId,
            @QueryParam("asOf") String asOf, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 3);
        Cursor c = page.cursor();
        InstalmentService.OverdueKey after = c == null ? null
            : new InstalmentService.OverdueKey(LocalDate.parse(c.string(0)), c.uuid(1), (short) c.longValue(2));
        LocalDate day = asOf == null || asOf.isBlank() ? service.today() : DateInput.required("asOf", asOf);
        List<InstalmentService.Overdue> rows = service.overdue(day,
            new InstalmentService.OverdueFilter(district, sponsorId, payerId, access.scope()), after,
            page.fetchSize());
        return Pages.ok(uri, page.page(rows, o -> Cursor.of(o.instalment().dueOn, o.pledge().id,
            o.instalment().number)).map(o -> PledgeDtos.OverdueView.of(o, day)));
    }
}
