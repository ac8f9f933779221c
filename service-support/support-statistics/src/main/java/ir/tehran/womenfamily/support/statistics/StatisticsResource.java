package ir.tehran.womenfamily.support.statistics;

import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.statistics.StatisticsDtos.CellView;
import ir.tehran.womenfamily.support.statistics.StatisticsDtos.FigureView;
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

/**
 * The service's figures for staff, in the same shape in every service ({@code /api/{service}/statistics}):
 * stored cells only, each a lookup, with the small-cell rule already applied ({@link Suppression}).
 */
@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Live figures with small-cell suppression (آمار)")
public class StatisticsResource {

    @Inject
    StatisticsStore store;

    @GET
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator", "sponsorship-officer"})
    @Operation(operationId = "listStatisticsFigures", summary = "The figures this service publishes",
        description = "For an admin, a caseworker, a bazaar coordinator and a sponsorship officer; any other caller "
            + "is refused 403. Each figure with its Persian and English title, its unit, its dimensions and when its "
            + "cells were last refreshed (they are refreshed in the background from the service's writes).")
    public RestResponse<Page<FigureView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(store.figures().stream().map(FigureView::of).toList(), FigureView::id));
    }

    @GET
    @Path("/{figure}")
    @RolesAllowed({"admin", "caseworker", "bazaar-coordinator", "sponsorship-officer"})
    @Operation(operationId = "listStatisticsFigureCells", summary = "A figure's cells",
        description = "For an admin, a caseworker, a bazaar coordinator and a sponsorship officer; any other caller "
            + "is refused 403. The figure's precomputed cells, optionally of one district (0 for the whole city) "
            + "and one period; a withheld cell is marked and has no value. Refused: 404 when `figure` names no "
            + "figure of this service.")
    public RestResponse<Page<CellView>> cells(@PathParam("figure") String figure,
            @QueryParam("district") @Min(0) @Max(22) Integer district, @QueryParam("period") String period,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        known(store, figure);
        return Pages.ok(uri, page.slice(store.cells(figure, district, period).stream().map(CellView::of).toList(),
            CellView::key));
    }

    static StatisticsStore.Refreshed known(StatisticsStore store, String figure) {
        return store.figure(figure).orElseThrow(() -> ProblemException.notFound("figure", figure));
    }
}
