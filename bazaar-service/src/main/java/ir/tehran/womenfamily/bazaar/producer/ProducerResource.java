package ir.tehran.womenfamily.bazaar.producer;

import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.Caller;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/producers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Producers", description = "Businesses known from the registry's events")
@SecurityRequirement(name = "jwt")
public class ProducerResource {

    @Inject
    ProducerService service;

    @Inject
    Caller caller;

    /** What the bazaar service knows of a business. */
    public record ProducerView(UUID businessId, boolean headsHousehold, String category, Short district,
            Producer.Status status, Instant updatedAt) {
    }

    @GET
    @Path("/{businessId}")
    @RolesAllowed({Caller.ADMIN, Caller.COORDINATOR, Caller.PRODUCER})
    @Operation(summary = "A business as the bazaar service knows it (a producer sees only her own)")
    public ProducerView get(@PathParam("businessId") UUID businessId) {
        if (!caller.actsFor(businessId)) {
            throw ProblemException.notFound("producer", businessId);
        }
        return service.find(businessId)
            .map(p -> new ProducerView(p.businessId, p.headsHousehold, p.category, p.district, p.status,
                p.updatedAt))
            .orElseThrow(() -> ProblemException.notFound("producer", businessId));
    }
}
