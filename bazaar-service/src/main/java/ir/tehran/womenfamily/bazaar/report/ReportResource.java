package ir.tehran.womenfamily.bazaar.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Sales, footfall and attendance by bazaar, venue, category and kind")
@SecurityRequirement(name = "jwt")
@RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
public class ReportResource {

    @Inject
    ReportService service;

    @Inject
    Clock clock;

    @Inject
    BazaarAccess access;

    @GET
    @Path("/bazaars/{id}")
    @Operation(operationId = "getBazaarReport",
        summary = "One bazaar: stalls, attendance, sales (rials) and visitors, by venue and category")
    public ReportDtos.BazaarReport bazaar(@PathParam("id") UUID id) {
        access.requireStaffOrReader();
        return service.bazaar(id).orElseThrow(() -> ProblemException.notFound("bazaar", id));
    }

    @GET
    @Path("/venues")
    @Operation(operationId = "reportBazaarsByVenue",
        summary = "By venue over a period (dates ISO or Jalali; default the last twelve months)")
    public List<ReportDtos.VenueRow> venues(@QueryParam("from") String from, @QueryParam("to") String to) {
        access.requireStaffOrReader();
        return service.venues(from(from, to), to(to));
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "reportBazaarsByCategory", summary = "By category of goods over a period")
    public List<ReportDtos.CategoryRow> categories(@QueryParam("from") String from, @QueryParam("to") String to) {
        access.requireStaffOrReader();
        return service.categories(from(from, to), to(to));
    }

    @GET
    @Path("/kinds")
    @Operation(operationId = "reportBazaarsByKind",
        summary = "By kind of bazaar: temporary, seasonal and permanent bazaars compared")
    public List<ReportDtos.KindRow> kinds(@QueryParam("from") String from, @QueryParam("to") String to) {
        access.requireStaffOrReader();
        return service.kinds(from(from, to), to(to));
    }

    private LocalDate to(String to) {
        return to == null ? Tehran.today(clock) : DateInput.required("to", to);
    }

    private LocalDate from(String from, String to) {
        return from == null ? to(to).minusDays(365) : DateInput.required("from", from);
    }
}
