package ir.tehran.womenfamily.registry.dci;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * DCI subscriptions ({@code /registry/subscribe}, {@code /registry/unsubscribe} at the gateway): acknowledged at
 * once, answered by a callback to the agency ({@code on-subscribe}, {@code on-unsubscribe}); the notifications
 * follow from {@link DciNotifications}. Only an agency client holding the scope {@value DciResource#SCOPE}.
 */
@Path("/dci/registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("agency")
@Tag(name = "DCI social registry", description = "The DCI Social Registry API for agencies (SPDCI v1.0.0)")
@SecurityRequirement(name = "jwt")
public class DciSubscriptionResource {

    @Inject
    DciSubscriptions subscriptions;

    @Inject
    JsonWebToken token;

    @Inject
    DciEnvelopes envelopes;

    @POST
    @Path("/subscribe")
    @ResponseStatus(202)
    @Operation(operationId = "dciSubscribe", summary = "Subscribe to registrations and household changes (DCI)",
        description = "Acknowledged at once (ACK with a correlation id); the subscriptions made, each with its code, "
            + "or the reason an item was rejected, follow as POST {sender_uri}/registry/on-subscribe. Event types: "
            + "REGISTER (a woman registered, or newly consenting to share with this agency), NewHouseHoldMember (a "
            + "child added to her household), UPDATE (her household otherwise changed). The filter names one woman by "
            + "national code, or is empty ({}) for every woman who consents to this agency. A notification carries "
            + "a woman only under her active SHARE_WITH_AGENCY consent for this agency, never one in a sensitive "
            + "cohort.")
    @APIResponse(responseCode = "202", description = "Received: the answer follows as on-subscribe",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciDtos.Ack.class)))
    @RequestBody(required = true,
        content = @Content(schema = @Schema(implementation = SubscriptionDtos.SubscribeEnvelope.class)))
    public DciDtos.Ack subscribe(String body) throws JsonProcessingException {
        DciResource.requireScope(token);
        return subscriptions.subscribe(envelopes.read(body, SubscriptionDtos.SubscribeEnvelope.class));
    }

    @POST
    @Path("/unsubscribe")
    @ResponseStatus(202)
    @Operation(operationId = "dciUnsubscribe", summary = "End subscriptions by their codes (DCI)",
        description = "Acknowledged at once; the codes ended follow as POST {sender_uri}/registry/on-unsubscribe "
            + "(rjct.subscription_code.invalid when none of the codes is a subscription of this agency, "
            + "rjct.event.already_unsubscribed when they had ended). No notification goes out under an ended "
            + "subscription.")
    @APIResponse(responseCode = "202", description = "Received: the answer follows as on-unsubscribe",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DciDtos.Ack.class)))
    @RequestBody(required = true,
        content = @Content(schema = @Schema(implementation = SubscriptionDtos.UnsubscribeEnvelope.class)))
    public DciDtos.Ack unsubscribe(String body) throws JsonProcessingException {
        DciResource.requireScope(token);
        return subscriptions.unsubscribe(envelopes.read(body, SubscriptionDtos.UnsubscribeEnvelope.class));
    }
}
