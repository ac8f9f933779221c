package ir.tehran.womenfamily.notification.channel;

import ir.tehran.womenfamily.notification.recipient.Recipients;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me/channels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Channels", description = "How the signed-in person is told: Web Push, SMS, the language")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Recipients.PRODUCER, Recipients.SPONSOR, Recipients.WOMAN})
public class ChannelResource {

    static final String WHO = "For a producer, a sponsor and a woman (her own choices); any other caller is refused "
        + "403.";

    @Inject
    Channels channels;

    @Inject
    Recipients recipients;

    @GET
    @Operation(operationId = "getMyChannels", summary = "Her channels: Web Push, SMS, the language of pushed texts",
        description = WHO + " Until she chooses: push on, SMS off, Persian. The inbox is always on.")
    public Channels.Choices get() {
        return channels.of(recipients.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "chooseMyChannels", summary = "Choose her channels",
        description = WHO + " Refused: 400 when `language` is neither `fa` nor `en`, or the body is missing.")
    public Channels.Choices choose(Channels.Choices choices) {
        if (choices == null) {
            throw ProblemException.invalid("body", "validation.required");
        }
        if (!"fa".equals(choices.language()) && !"en".equals(choices.language())) {
            throw ProblemException.invalid("language", "validation.language");
        }
        return channels.choose(recipients.current(), choices);
    }
}
