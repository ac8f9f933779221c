package ir.tehran.womenfamily.registry.consent;

import ir.tehran.womenfamily.support.idempotency.IdempotentCreate;
import ir.tehran.womenfamily.support.idempotency.IdempotentRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "caseworker"})
@Tag(name = "Consent", description = "A woman's consent per purpose, with its history and revocations")
@SecurityRequirement(name = "jwt")
public class ConsentBatchResource {

    @Inject
    ConsentBatch batch;

    @POST
    @Operation(operationId = "recordConsents", summary = "Record many women's consents at once, by national code",
        description = "For a stack of paper forms: up to 200 consents, each naming the woman by her national code, "
            + "recorded all together or, when one of them is refused, none of them (the problem names the consent, "
            + "e.g. consents[3].givenOn). Each is recorded as one sent to POST /beneficiaries/{id}/consents is: "
            + "only for a woman the caller may see (another's code is refused like an unknown one), announced, "
            + "audited. Send an Idempotency-Key so that a retry does not record them twice.")
    @APIResponse(responseCode = "200", description = "Recorded, in the order sent",
        content = @Content(schema = @Schema(implementation = ConsentDtos.RecordedConsents.class)))
    @IdempotentCreate
    public Response record(@Valid @NotNull ConsentDtos.RecordConsents request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return Response.ok(new ConsentDtos.RecordedConsents(batch.record(request.consents()).stream()
            .map(ConsentDtos.ConsentView::of).toList())).build();
    }
}
