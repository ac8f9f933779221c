package ir.tehran.womenfamily.registry.agencycheck;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The inter-agency duplicate check (after the US Piipan design): an agency sends the HMAC of a national
 * code made with a key shared out of band, and learns only whether she is enrolled here and since when.
 */
@Path("/agency/enrolment-check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("agency")
@Tag(name = "Inter-agency duplicate check", description = "Enrolled or not, by the keyed HMAC of a national code")
@SecurityRequirement(name = "jwt")
public class AgencyCheckResource {

    @Inject
    AgencyCheckService service;

    @POST
    @Operation(operationId = "checkAgencyEnrolment",
        summary = "Is the woman with this national code HMAC enrolled, and since when?")
    public AgencyCheckDtos.EnrolmentAnswer check(@Valid @NotNull AgencyCheckDtos.EnrolmentCheck request) {
        return service.check(request);
    }
}
