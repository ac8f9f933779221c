package ir.tehran.womenfamily.registry.beneficiary;

import java.net.URI;
import java.util.UUID;

import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/beneficiaries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Beneficiaries", description = "Women heads of household (زنان سرپرست خانوار)")
@SecurityRequirement(name = "jwt")
public class BeneficiaryResource {

    @Inject
    BeneficiaryService service;

    @POST
    @RolesAllowed({"admin", "caseworker"})
    @Operation(summary = "Register a woman head of household")
    public Response register(@Valid @NotNull BeneficiaryDtos.RegisterBeneficiary request,
            @Context SecurityContext security, @Context UriInfo uri) {
        Beneficiary b = service.register(request, security.getUserPrincipal().getName());
        URI location = uri.getAbsolutePathBuilder().path(b.id.toString()).build();
        return Response.created(location).entity(BeneficiaryMapper.toView(b)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "caseworker"})
    @Operation(summary = "Read one woman's record")
    public BeneficiaryDtos.BeneficiaryView get(@PathParam("id") UUID id) {
        return service.find(id).map(BeneficiaryMapper::toView)
            .orElseThrow(() -> ProblemException.notFound("beneficiary", id));
    }
}
