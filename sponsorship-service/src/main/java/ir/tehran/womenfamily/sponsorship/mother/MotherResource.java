package ir.tehran.womenfamily.sponsorship.mother;

import java.time.Instant;
import java.util.UUID;

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

@Path("/mothers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Mothers", description = "Registered women whose children the service may support")
@SecurityRequirement(name = "jwt")
public class MotherResource {

    @Inject
    MotherService service;

    /** What sponsorship knows of a mother. */
    public record MotherView(UUID beneficiaryId, Short district, String registeredOn, Instant firstSeenAt) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "sponsorship-officer"})
    @Operation(summary = "A mother known from the registry's events")
    public MotherView get(@PathParam("id") UUID id) {
        return service.find(id)
            .map(m -> new MotherView(m.beneficiaryId, m.district, m.registeredOn, m.firstSeenAt))
            .orElseThrow(() -> ProblemException.notFound("mother", id));
    }
}
