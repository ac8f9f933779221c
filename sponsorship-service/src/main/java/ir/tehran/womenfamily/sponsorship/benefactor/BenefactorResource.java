package ir.tehran.womenfamily.sponsorship.benefactor;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ir.tehran.womenfamily.support.web.Versions;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;

@Path("/benefactors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Benefactors", description = "People and organisations who sponsor children (خیرین)")
@SecurityRequirement(name = "jwt")
@RolesAllowed({"admin", "sponsorship-officer"})
public class BenefactorResource {

    @Inject
    BenefactorService service;

    @Inject
    Callers callers;

    @POST
    @IdempotentCreate
    @Operation(operationId = "registerBenefactor",
        summary = "Register a benefactor",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Created",
        headers = @Header(name = "Location", description = "The new benefactor's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(schema = @Schema(implementation = BenefactorDtos.BenefactorView.class)))
    public Response create(@Valid @NotNull BenefactorDtos.NewBenefactor request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        Benefactor b = service.create(request, callers.current().subject());
        return Response.created(URI.create(uri.getAbsolutePath() + "/" + b.id)).tag(Versions.etag(b.version))
            .entity(BenefactorDtos.BenefactorView.of(b)).build();
    }

    @GET
    @Operation(operationId = "searchBenefactors",
        summary = "Benefactors, by name in any spelling",
        description = "For an admin and a sponsorship officer; any other caller is refused 403.")
    public RestResponse<Page<BenefactorDtos.BenefactorView>> search(@QueryParam("q") @Size(max = 100) String q,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        Cursor after = page.cursor();
        List<Benefactor> rows = service.search(q, after == null ? null : after.string(0),
            after == null ? null : after.uuid(1), page.fetchSize());
        return Pages.ok(uri, page.page(rows, b -> Cursor.of(b.displayName, b.id))
            .map(BenefactorDtos.BenefactorView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBenefactor",
        summary = "One benefactor",
        description = "For an admin and a sponsorship officer; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public RestResponse<BenefactorDtos.BenefactorView> get(@PathParam("id") UUID id) {
        return service.find(id).map(BenefactorResource::tagged)
            .orElseThrow(() -> ProblemException.notFound("benefactor", id));
    }

    @PUT
    @Path("/{id}/preferences")
    @Operation(operationId = "replaceBenefactorPreferences",
        summary = "Replace a sponsor's preferences (age range, gender, districts)",
        description = "Requires If-Match with the benefactor's ETag last read.")
    public RestResponse<BenefactorDtos.BenefactorView> preferences(@PathParam("id") UUID id,
            @Valid @NotNull BenefactorDtos.Preferences request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(service.preferences(id, Versions.required(ifMatch), request));
    }

    /** The benefactor with her version as its ETag, the one an update's If-Match sends back. */
    private static RestResponse<BenefactorDtos.BenefactorView> tagged(Benefactor b) {
        return RestResponse.ResponseBuilder.ok(BenefactorDtos.BenefactorView.of(b)).tag(Versions.etag(b.version))
            .build();
    }
}
