package ir.tehran.womenfamily.bazaar.series;

import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Series", description = "Recurring bazaars defined in Jalali terms")
@SecurityRequirement(name = "jwt")
public class SeriesResource {

    @Inject
    SeriesService service;

    @Inject
    Callers callers;

    @POST
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "createBazaarSeries",
        summary = "Define a series and generate its bazaars (drafts), never double-booking a venue",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 422 when an "
            + "Idempotency-Key is reused for another request.")
    @APIResponse(responseCode = "201", description = "Defined, with the bazaars generated",
        headers = @Header(name = "Location", description = "The new series",
            schema = @Schema(type = SchemaType.STRING, format = "uri")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SeriesDtos.SeriesView.class)))
    @IdempotentCreate
    public Response create(@Valid @NotNull SeriesDtos.CreateSeries request, @Context UriInfo uri,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        SeriesDtos.SeriesView s = service.create(request, callers.current().subject());
        return Response.created(uri.getAbsolutePathBuilder().path(s.id().toString()).build()).entity(s).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({BazaarAccess.ADMIN, BazaarAccess.COORDINATOR})
    @Operation(operationId = "getBazaarSeries",
        summary = "One series and the bazaars it generated that still exist (skipped occurrences are told only "
        + "when it is defined)",
        description = "For an admin and a bazaar coordinator; any other caller is refused 403. Refused: 404 when "
            + "`id` names nothing the caller may see.")
    public SeriesDtos.SeriesView get(@PathParam("id") UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("series", id));
    }
}
