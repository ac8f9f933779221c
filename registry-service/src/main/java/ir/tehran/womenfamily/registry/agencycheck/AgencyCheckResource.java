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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
        summary = "Is the woman with this national code HMAC enrolled, and since when?",
        description = "For an agency; any other caller is refused 403.")
    public AgencyCheckDtos.EnrolmentAnswer check(@Valid @NotNull AgencyCheckDtos.EnrolmentCheck request) {
        return service.check(request);
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "checkAgencyEnrolmentBatch",
        summary = "Are the women with these national code HMACs enrolled, and since when? (up to 100 at once)",
        description = "The same HMAC scheme and the same answer per code as checkAgencyEnrolment, for 1 to 100 "
            + "codes made with one key: enrolled or not, and since when only where she consented to share with "
            + "the calling agency. Answers come in the order sent. Each code is audited and, where a date is "
            + "given, written to her disclosure log, as a single check would be. An empty batch, more than 100 "
            + "codes or a code that is not 64 hex characters is a 400 problem naming the field.")
    @APIResponse(responseCode = "200", description = "One answer per code",
        content = @Content(schema = @Schema(implementation = AgencyCheckDtos.EnrolmentBatchAnswer.class)))
    public AgencyCheckDtos.EnrolmentBatchAnswer checkBatch(
            @Valid @NotNull AgencyCheckDtos.EnrolmentBatchCheck request) {
        return service.checkBatch(request);
    }
}
