package ir.tehran.womenfamily.bazaar.sales;

import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
    @Operation(operationId = "recordBazaarFootfall", summary = "Report the visitors at one venue on one day",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 404 when "
            + "`bazaarId` names nothing the caller may see; 409 when its current state does not allow it; 428 "
            + "without If-Match and 412 when the record changed since it was read.")
    @APIResponse(responseCode = "200", description = "Reported; the ETag is the report's version",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SalesDtos.FootfallView.class)))
    public RestResponse<SalesDtos.FootfallView> footfall(@PathParam("bazaarId") UUID bazaarId,
            @Valid @NotNull SalesDtos.ReportFootfall request,
            @Parameter(description = "The version of the report being changed (its version, or the ETag of this "
                + "answer); 428 without it or If-None-Match")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "* for the first report of this venue and day (412 if there is one)")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Long version = ifNoneMatch != null && ifNoneMatch.strip().equals("*") && (ifMatch == null || ifMatch.isBlank())
            ? null : Versions.required(ifMatch);
        Footfall f = service.footfall(bazaarId, request, callers.current().subject(), version);
        return RestResponse.ResponseBuilder.ok(SalesDtos.FootfallView.of(f)).tag(Versions.etag(f.version)).build();
    }

    @GET
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR, BazaarAccess.PARTNER_APP})
    @Operation(operationId = "listBazaarFootfall", summary = "Visitors reported for the bazaar",
        description = "For an admin, a bazaar coordinator and a partner app with the scope `bazaar.read`; any other "
            + "caller is refused 403. Refused: 404 when `bazaarId` names nothing the caller may see.")
    public RestResponse<Page<SalesDtos.FootfallView>> footfall(@PathParam("bazaarId") UUID bazaarId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        access.requireStaffOrReader();
        return Pages.ok(uri, PageRequest.of(limit, cursor).slice(service.footfall(bazaarId),
            f -> f.venueId + "/" + f.day).map(SalesDtos.FootfallView::of));
    }

}
