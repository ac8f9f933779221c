package ir.tehran.womenfamily.registry.cohort;

import java.net.URI;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The kinds of sensitive cohort, with Persian and English names. Listing them reveals no one's membership. */
@Path("/cohort-definitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sensitive cohorts")
@SecurityRequirement(name = "jwt")
public class CohortDefinitionResource {

    @Inject
    CohortService service;

    @GET
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "listCohortDefinitions", summary = "Every cohort definition, built-in ones first",
        description = "For an admin and a caseworker; any other caller is refused 403.")
    public RestResponse<Page<CohortDtos.DefinitionView>> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Pages.ok(uri, page.slice(service.definitions(), d -> d.code).map(CohortDtos.DefinitionView::of));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(operationId = "getCohortDefinition", summary = "One cohort definition",
        description = "For an admin and a caseworker; any other caller is refused 403. Refused: 404 when `code` "
            + "names nothing the caller may see.")
    public CohortDtos.DefinitionView get(@PathParam("code") String code) {
        return service.definition(code).map(CohortDtos.DefinitionView::of)
            .orElseThrow(() -> ProblemException.notFound("cohort-definition", code));
    }

    @POST
    @RolesAllowed("admin")
    @Operation(operationId = "defineCohort", summary = "Define a new kind of cohort",
        description = "For an admin; any other caller is refused 403. Refused: 422 when an Idempotency-Key is reused "
            + "for another request.")
    @APIResponse(responseCode = "201", description = "Defined", headers = @Header(name = "Location"),
        content = @Content(schema = @Schema(implementation = CohortDtos.DefinitionView.class)))
    @IdempotentCreate
    public Response define(@Valid @NotNull CohortDtos.DefineCohort request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Context UriInfo uri) {
        CohortDefinition d = service.define(request);
        URI location = uri.getAbsolutePathBuilder().path(d.code).build();
        return Response.created(location).entity(CohortDtos.DefinitionView.of(d)).build();
    }
}
