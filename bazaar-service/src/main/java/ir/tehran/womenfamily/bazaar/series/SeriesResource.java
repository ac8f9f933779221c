package ir.tehran.womenfamily.bazaar.series;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Define a series and generate its bazaars (drafts), never double-booking a venue")
    public Response create(@Valid @NotNull SeriesDtos.CreateSeries request) {
        return Response.status(201).entity(service.create(request, callers.current().subject())).build();
    }
}
