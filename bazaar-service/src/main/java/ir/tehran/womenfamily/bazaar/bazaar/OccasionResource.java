package ir.tehran.womenfamily.bazaar.bazaar;

import java.net.URI;

import ir.tehran.womenfamily.bazaar.bazaar.BazaarResource.OccasionInput;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarResource.OccasionView;
import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The occasions bazaars may be held for, as a collection of their own: {@code /occasions} and
 * {@code /occasions/{code}}. They were under {@code /bazaars/occasions}, where {@code /bazaars/occasions/{code}}
 * matched the same URLs as {@code /bazaars/{bazaarId}/...} (an occasion's code may be {@code sales}); those paths
 * stay, deprecated, until their sunset ({@code docs/api/VERSIONING.md}).
 */
@Path("/occasions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bazaars", description = "Seasonal, monthly and occasion bazaars and exhibitions, and their lifecycle")
public class OccasionResource {

    @Inject
    BazaarService service;

    @GET
    @PermitAll
    @Operation(operationId = "listOccasions", summary = "Occasions (Nowruz eve, Yalda, and those an admin added)",
        description = "Public: no token needed. Every occasion a bazaar may be held for, by code, one page at a "
            + "time.")
    public RestResponse<Page<OccasionView>> list(
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        return Pages.ok(uri, PageRequest.of(limit, cursor).slice(service.occasions(), o -> o.code)
            .map(OccasionView::of));
    }

    @POST
    @RolesAllowed(BazaarAccess.ADMIN)
    @Operation(operationId = "addOccasion", summary = "Add an occasion",
        description = "For an admin; any other caller is refused 403. Refused: 409 when the code is taken; 422 when "
            + "an Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new occasion",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OccasionView.class)))
    @IdempotentCreate
    public Response add(@Valid @NotNull OccasionInput request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Occasion o = service.addOccasion(request);
        URI location = uri.getAbsolutePathBuilder().path(o.code).build();
        return Response.created(location).entity(OccasionView.of(o)).build();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getOccasion", summary = "One occasion",
        description = "Public: no token needed. Refused: 404 when `code` names no occasion.")
    public OccasionView get(@PathParam("code") String code) {
        return service.occasion(code).map(OccasionView::of)
            .orElseThrow(() -> ProblemException.notFound("occasion", code));
    }
}
