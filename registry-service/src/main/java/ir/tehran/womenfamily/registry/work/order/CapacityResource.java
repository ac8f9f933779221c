package ir.tehran.womenfamily.registry.work.order;

import java.time.LocalDate;
import java.util.UUID;

import ir.tehran.womenfamily.registry.work.WorkingDays;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The centres' production capacity and load: what each can still take over a range of days. */
@Path("/production-capacity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Production orders")
public class CapacityResource {

    @Inject
    CapacityService service;

    @GET
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listProductionCapacity",
        summary = "Every centre's capacity, load and remaining room from one day to another, most room first",
        description = "from and to: ISO or Jalali days, both included.")
    public RestResponse<Page<OrderDtos.CapacityView>> all(@QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("district") @Min(1) @Max(22) Short district,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.all(range(from, to), district), c -> c.centreId().toString()));
    }

    @GET
    @Path("/{centreId}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getCentreProductionCapacity",
        summary = "One centre's capacity, load by order and remaining room",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `centreId` "
            + "names nothing the caller may see.")
    public OrderDtos.CapacityView one(@PathParam("centreId") UUID centreId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.of(centreId, range(from, to), null)
            .orElseThrow(() -> ProblemException.notFound("centre", centreId));
    }

    private static WorkingDays.Range range(String from, String to) {
        LocalDate start = DateInput.required("from", from);
        LocalDate end = DateInput.required("to", to);
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "validation.order.range");
        }
        if (end.toEpochDay() - start.toEpochDay() > CapacityService.MAX_RANGE_DAYS) {
            throw ProblemException.invalid("to", "validation.order.window-too-long", CapacityService.MAX_RANGE_DAYS);
        }
        return new WorkingDays.Range(start, end);
    }
}
