package ir.tehran.womenfamily.notification.push;

import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.notification.NotificationConfig;
import ir.tehran.womenfamily.notification.recipient.Recipients;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Web Push", description = "Push subscriptions of the signed-in person's browsers and phones")
public class PushResource {

    static final String WHO = "For a producer, a sponsor and a woman (her own subscriptions); any other caller is "
        + "refused 403.";

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    Recipients recipients;

    @Inject
    NotificationConfig config;

    /** The keys of a subscription, as the browser's PushSubscription.toJSON() gives them. */
    @Schema(name = "PushSubscriptionKeys")
    public record Keys(@Schema(description = "Her P-256 public key, uncompressed, base64url") String p256dh,
            @Schema(description = "Her 16-byte authentication secret, base64url") String auth) {
    }

    /** A subscription to register: the browser's PushSubscription.toJSON(). */
    @Schema(name = "PushSubscriptionRequest")
    public record SubscriptionRequest(@Schema(description = "The push service's URL for her (https)") String endpoint,
            Keys keys) {
    }

    /** A registered subscription (its keys are not shown again). */
    @Schema(name = "PushSubscription")
    public record SubscriptionView(UUID id, String endpoint, Instant createdAt) {
    }

    /** The application server key a browser subscribes with (RFC 8292). */
    @Schema(name = "VapidPublicKey")
    public record VapidKey(@Schema(description = "The VAPID public key, uncompressed P-256 point, base64url; null "
        + "when this deployment sends no push") String publicKey) {
    }

    @GET
    @Path("/push/vapid-public-key")
    @PermitAll
    @Operation(operationId = "getVapidPublicKey", summary = "The key a browser subscribes to Web Push with",
        description = "For anyone: the public half of the VAPID key pair (RFC 8292), the applicationServerKey of "
            + "PushManager.subscribe.")
    public VapidKey vapidKey() {
        return new VapidKey(config.push().vapidPublicKey().orElse(null));
    }

    @POST
    @Path("/me/push-subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Recipients.PRODUCER, Recipients.SPONSOR, Recipients.WOMAN})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "registerMyPushSubscription", summary = "Register a browser's or phone's push "
        + "subscription", description = WHO + " The same endpoint again replaces its keys. Refused: 400 when the "
            + "endpoint is not an https URL or the keys are not a P-256 point (`p256dh`) and a 16-byte secret "
            + "(`auth`) in base64url; 409 `no-recipient` when her token names no business, woman or sponsor.")
    public RestResponse<SubscriptionView> register(SubscriptionRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("body", "validation.required");
        }
        Keys keys = request.keys() == null ? new Keys(null, null) : request.keys();
        PushSubscription s = subscriptions.register(recipients.current(), request.endpoint(), keys.p256dh(),
            keys.auth());
        return RestResponse.ResponseBuilder.<SubscriptionView>created(Pages.location(uri, s.id))
            .entity(new SubscriptionView(s.id, s.endpoint, s.createdAt)).build();
    }

    @DELETE
    @Path("/me/push-subscriptions/{id}")
    @RolesAllowed({Recipients.PRODUCER, Recipients.SPONSOR, Recipients.WOMAN})
    @SecurityRequirement(name = "jwt")
    @Operation(operationId = "removeMyPushSubscription", summary = "Remove one of her push subscriptions",
        description = WHO + " Refused: 404 when `id` names nothing of hers.")
    public RestResponse<Void> remove(@PathParam("id") UUID id) {
        if (!subscriptions.remove(recipients.current(), id)) {
            throw ProblemException.notFound("push-subscription", id);
        }
        return RestResponse.noContent();
    }
}
