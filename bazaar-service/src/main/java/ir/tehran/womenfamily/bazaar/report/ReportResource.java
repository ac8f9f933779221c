package ir.tehran.womenfamily.bazaar.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
        summary = "One bazaar: stalls, attendance, sales (rials) and visitors, by venue and category",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403. Refused: 404 when `id` names nothing the caller may see.")
    public ReportDtos.BazaarReport bazaar(@PathParam("id") UUID id) {
        access.requireStaffOrReader();
        return service.bazaar(id).orElseThrow(() -> ProblemException.notFound("bazaar", id));
    }

    @GET
    @Path("/venues")
    @Operation(operationId = "reportBazaarsByVenue",
        summary = "By venue over a period (dates ISO or Jalali; default the last twelve months)",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403.")
    public RestResponse<Page<ReportDtos.VenueRow>> venues(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        PageRequest request = PageRequest.of(limit, cursor);
        return Pages.ok(uri, request.slice(service.venues(from(from, to), to(to)), r -> r.venueId().toString()));
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "reportBazaarsByCategory", summary = "By category of goods over a period",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403.")
    public RestResponse<Page<ReportDtos.CategoryRow>> categories(@QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        PageRequest request = PageRequest.of(limit, cursor);
        return Pages.ok(uri, request.slice(service.categories(from(from, to), to(to)), r -> r.category()));
    }

    @GET
    @Path("/kinds")
    @Operation(operationId = "reportBazaarsByKind",
        summary = "By kind of bazaar: temporary, seasonal and permanent bazaars compared",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403.")
    public RestResponse<Page<ReportDtos.KindRow>> kinds(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        PageRequest request = PageRequest.of(limit, cursor);
        return Pages.ok(uri, request.slice(service.kinds(from(from, to), to(to)), r -> r.kind()));
    }

    private LocalDate to(String to) {
        return to == null ? Tehran.today(clock) : DateInput.required("to", to);
    }

    private LocalDate from(String from, String to) {
        return from == null ? to(to).minusDays(365) : DateInput.required("from", from);
    }
}
