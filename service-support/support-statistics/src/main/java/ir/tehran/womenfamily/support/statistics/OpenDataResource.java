package ir.tehran.womenfamily.support.statistics;

import java.util.List;

import ir.tehran.womenfamily.support.statistics.StatisticsDtos.CellView;
import ir.tehran.womenfamily.support.statistics.StatisticsDtos.FigureView;
import ir.tehran.womenfamily.support.statistics.StatisticsDtos.OpenDataSet;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The same suppressed cells as {@link StatisticsResource}, for anyone, as a whole file for the municipality's
 * open-data portal: JSON or CSV by {@code Accept}, or by the suffix {@code .json} / {@code .csv}. A file is one
 * figure's every cell (a few thousand at most), so it is not paged.
 */
@Path("/open-data")
@Tag(name = "Open data", description = "The suppressed figures as JSON and CSV (داده باز)")
public class OpenDataResource {

    static final String CSV = "text/csv";

    @Inject
    StatisticsStore store;

    @GET
    @Path("/{figure}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getOpenDataFigure", summary = "A figure as open data, JSON or CSV by Accept",
        description = "For anyone, without a token. Every cell of the figure after the small-cell rule, withheld "
            + "cells marked and without value: JSON by default, CSV (UTF-8, a header line) for `Accept: text/csv`. "
            + "Refused: 404 when `figure` names no figure of this service.")
    @APIResponse(responseCode = "200", description = "The figure and its cells", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataSet.class)),
        @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums
            .SchemaType.STRING))})
    public Response get(@PathParam("figure") String figure, HttpHeaders headers) {
        MediaType csvType = MediaType.valueOf(CSV);
        boolean csv = headers.getAcceptableMediaTypes().stream()
            .filter(m -> m.isCompatible(csvType) || m.isCompatible(MediaType.APPLICATION_JSON_TYPE))
            .findFirst().filter(m -> !m.isWildcardType() && !m.isWildcardSubtype() && m.isCompatible(csvType))
            .isPresent();
        return csv ? csv(figure) : json(figure);
    }

    @GET
    @Path("/{figure}.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getOpenDataFigureJson", summary = "A figure as open data, JSON",
        description = "For anyone, without a token. The same as `getOpenDataFigure` in JSON. Refused: 404 when "
            + "`figure` names no figure of this service.")
    @APIResponse(responseCode = "200", description = "The figure and its cells",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OpenDataSet.class)))
    public Response getJson(@PathParam("figure") String figure) {
        return json(figure);
    }

    @GET
    @Path("/{figure}.csv")
    @PermitAll
    @Produces(CSV)
    @Operation(operationId = "getOpenDataFigureCsv", summary = "A figure as open data, CSV",
        description = "For anyone, without a token. The same as `getOpenDataFigure` in CSV: the columns figure, "
            + "district (empty for the whole city), period, series, value (empty when withheld), withheld. "
            + "Refused: 404 when `figure` names no figure of this service.")
    @APIResponse(responseCode = "200", description = "The cells, one a line",
        content = @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums
            .SchemaType.STRING)))
    public Response getCsv(@PathParam("figure") String figure) {
        return csv(figure);
    }

    private Response json(String figure) {
        StatisticsStore.Refreshed r = StatisticsResource.known(store, figure);
        return Response.ok(new OpenDataSet(FigureView.of(r), cells(figure)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response csv(String figure) {
        StatisticsResource.known(store, figure);
        return Response.ok(OpenDataCsv.write(figure, cells(figure)), CSV + "; charset=UTF-8")
            .header("Content-Disposition", "attachment; filename=\"" + figure + ".csv\"").build();
    }

    private List<CellView> cells(String figure) {
        return store.cells(figure, null, null).stream().map(CellView::of).toList();
    }
}
