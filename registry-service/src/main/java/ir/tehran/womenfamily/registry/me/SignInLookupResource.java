package ir.tehran.womenfamily.registry.me;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
 * The gateway's question at a woman's sign-in with a one-time code: which woman of the register has this number.
 * Only the gateway's own token (role {@code gateway}, which no client or person can hold) may ask; the number
 * travels in the body, never in a URL.
 */
@Path("/sign-in/lookup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("gateway")
@Tag(name = "Me", description = "A woman's own record, signed in with her mobile number")
@SecurityRequirement(name = "jwt")
public class SignInLookupResource {

    @Inject
    MeService service;

    @POST
    @Operation(operationId = "lookUpSignInMobile", summary = "The woman with a mobile number (the gateway's sign-in)",
        description = "For the gateway only (role gateway); everyone else 403. The register's woman with this "
            + "number, if exactly one (merged records left out); beneficiaryId null otherwise, also for a number "
            + "that is not a mobile number.")
    @APIResponse(responseCode = "200", description = "Her id, or null",
        content = @Content(schema = @Schema(implementation = MeDtos.LookupResult.class)))
    public MeDtos.LookupResult lookup(@NotNull MeDtos.Lookup request) {
        return new MeDtos.LookupResult(service.withMobile(request.mobile()).orElse(null));
    }
}
