package ir.tehran.womenfamily.registry.dci;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where agencies' registries call the registry back as their client and subscriber: {@code {sender_uri}/registry/
 * notify}, {@code /on-subscribe} and {@code /on-unsubscribe}, with {@code sender_uri} = {@code .../dci/subscriber}.
 * No token: the agency's Ed25519 signature, verified with its keys in the directory, is what lets a message in.
 */
@Path("/dci/subscriber/registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "DCI agency registries", description = "The registry as a DCI client of other agencies' registries")
public class DciSubscriberResource {

    @Inject
    AgencyRegistries registries;

    @POST
    @Path("/notify")
    @Operation(operationId = "receiveDciNotify", summary = "An agency's notify to the registry as its subscriber",
        description = "A signed DCI notify from an agency of the directory (401 when unsigned, or not signed by a "
            + "known agency's key), about women of the register (404 dci-notify-woman otherwise) the registry "
            + "subscribed to with that agency (403 dci-notify-not-subscribed otherwise). Each event becomes support "
            + "records of source AGENCY for her household, once per event id. Audited.")
    @APIResponse(responseCode = "200", description = "Received",
        content = @Content(schema = @Schema(implementation = DciDtos.Ack.class)))
    @RequestBody(required = true,
        content = @Content(schema = @Schema(implementation = RemoteDtos.CallbackEnvelope.class)))
    public DciDtos.Ack notify(String body) throws JsonProcessingException {
        return registries.notify(body);
    }

    @POST
    @Path("/on-subscribe")
    @Operation(operationId = "receiveDciOnSubscribe", summary = "An agency's answer to the registry's subscribe",
        description = "A signed DCI on-subscribe from the agency: the registry's subscription becomes ACTIVE with the "
            + "agency's code, or REJECTED.")
    @APIResponse(responseCode = "200", description = "Received",
        content = @Content(schema = @Schema(implementation = DciDtos.Ack.class)))
    @RequestBody(required = true,
        content = @Content(schema = @Schema(implementation = RemoteDtos.CallbackEnvelope.class)))
    public DciDtos.Ack onSubscribe(String body) throws JsonProcessingException {
        return registries.onSubscribe(body);
    }

    @POST
    @Path("/on-unsubscribe")
    @Operation(operationId = "receiveDciOnUnsubscribe", summary = "An agency's answer to the registry's unsubscribe",
        description = "A signed DCI on-unsubscribe from the agency: the subscriptions of the codes it ended are "
            + "ended here too.")
    @APIResponse(responseCode = "200", description = "Received",
        content = @Content(schema = @Schema(implementation = DciDtos.Ack.class)))
    @RequestBody(required = true,
        content = @Content(schema = @Schema(implementation = RemoteDtos.CallbackEnvelope.class)))
    public DciDtos.Ack onUnsubscribe(String body) throws JsonProcessingException {
        return registries.onUnsubscribe(body);
    }
}
