package ir.tehran.womenfamily.bazaar.sales;

import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

@Path("/bazaars/{bazaarId}/sales")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sales and footfall", description = "Producers report sales in rials; coordinators report visitors")
@SecurityRequirement(name = "jwt")
public class SalesResource {

    @Inject
    SalesService service;

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @Inject
    Publication publication;

    @POST
    @RolesAllowed({BazaarAccess.PRODUCER, BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "recordBazaarSales", summary = "Report her sales of one day (rials, an integer)",
        description = "For an admin, a bazaar coordinator and a producer (only her own businesses' records); any "
            + "other caller is refused 403. Refused: 404 when `bazaarId` names nothing the caller may see.")
    public SalesDtos.SalesView report(@PathParam("bazaarId") UUID bazaarId,
            @Valid @NotNull SalesDtos.ReportSales request) {
        if (!access.actsFor(request.businessId())) {
            throw ProblemException.notFound("producer", request.businessId());
        }
        SalesReport s = service.report(bazaarId, request);
        return SalesDtos.SalesView.of(s, publication.of(s.businessId));
    }

    @GET
    @RolesAllowed({BazaarAccess.PRODUCER, BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listBazaarSales", summary = "Sales reported for the bazaar (a producer sees only hers)",
        description = "For an admin, a bazaar coordinator, a producer (only her own businesses' records) and a "
            + "partner app with the scope `bazaar.read`; any other caller is refused 403. Refused: 404 when "
            + "`bazaarId` names nothing the caller may see.")
    public RestResponse<Page<SalesDtos.SalesView>> sales(@PathParam("bazaarId") UUID bazaarId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        boolean producerOnly = access.isProducer() && !access.isStaff();
        access.requireBazaar(bazaarId);
        PageRequest request = PageRequest.of(limit, cursor);
        // the key in the cursor names no business: a reader may not be shown which business sold
        Page<SalesReport> page = request.slice(service.sales(bazaarId,
            producerOnly ? callers.current().businesses() : null), s -> UUID.nameUUIDFromBytes(
                (s.businessId + "/" + s.day).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        Map<UUID, Publication.Shown> shown = publication.of(page.items().stream().map(s -> s.businessId).toList());
        return Pages.ok(uri, page.map(s -> SalesDtos.SalesView.of(s, shown.get(s.businessId))));
    }
}
