package ir.tehran.womenfamily.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import ir.tehran.womenfamily.notification.NotificationConfig;
import ir.tehran.womenfamily.notification.recipient.Recipient;
import ir.tehran.womenfamily.notification.recipient.Recipients;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "The signed-in person's notifications")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Recipients.PRODUCER, Recipients.SPONSOR, Recipients.WOMAN})
public class InboxResource {

    static final String WHO = "For a producer (her businesses' notifications), a sponsor and a woman (her own); any "
        + "other caller is refused 403.";

    @Inject
    InboxService inbox;

    @Inject
    Recipients recipients;

    @Inject
    NotificationConfig config;

    @Inject
    JsonWebToken jwt;

    /** The count of her unread notifications. */
    public record UnreadCount(long unread) {
    }

    /** How many were marked read. */
    public record Marked(int marked) {
    }

    @GET
    @Operation(operationId = "listMyNotifications", summary = "Her notifications, newest first",
        description = WHO + " Paged as every list (`limit`, `cursor`, `Link`); texts in the language of "
            + "`Accept-Language` (Persian with Jalali dates by default, or English).")
    public RestResponse<Page<NotificationView>> list(@QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @Context UriInfo uri) {
        PageRequest request = PageRequest.of(limit, cursor, 1);
        Locale locale = Messages.fromHeader(language);
        List<Notification> rows = inbox.list(recipients.current(),
            request.cursor() == null ? null : request.cursor().longValue(0), request.fetchSize());
        return Pages.ok(uri, request.page(rows, n -> Cursor.of(n.seq)).map(n -> NotificationView.of(n, locale)));
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "countMyUnreadNotifications", summary = "How many of her notifications are unread",
        description = WHO)
    public UnreadCount unread() {
        return new UnreadCount(inbox.unread(recipients.current()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markMyNotificationRead", summary = "Mark one of her notifications read",
        description = WHO + " Marking it again changes nothing. Refused: 404 when `id` names nothing of hers.")
    public NotificationView markRead(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return inbox.markRead(recipients.current(), id).map(n -> NotificationView.of(n, Messages.fromHeader(language)))
            .orElseThrow(() -> ProblemException.notFound("notification", id));
    }

    @POST
    @Path("/read")
    @Operation(operationId = "markAllMyNotificationsRead", summary = "Mark all her notifications read",
        description = WHO)
    public Marked markAllRead() {
        return new Marked(inbox.markAllRead(recipients.current()));
    }

    @GET
    @Path("/stream")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamMyNotifications", summary = "Her new notifications as they arrive (server-sent "
        + "events), for an open app",
        description = WHO + " Each event's data is a Notification. The stream ends when her token expires; the app "
            + "opens it again with a fresh token, naming with `after` the newest notification it holds. Refused: "
            + "400 when `after` is not an id, 404 when it names nothing of hers.")
    public Multi<NotificationView> stream(
            @Parameter(description = "Send what arrived after this notification of hers (default: from now on)")
            @QueryParam("after") String after, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Set<Recipient> mine = recipients.current();
        Locale locale = Messages.fromHeader(language);
        long start;
        if (after == null) {
            start = inbox.latestSeq();
        } else {
            UUID id;
            try {
                id = UUID.fromString(after);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("after", "validation.wrong-format");
            }
            start = inbox.find(mine, id).map(n -> n.seq).orElseThrow(() -> ProblemException.notFound("notification",
                id));
        }
        long[] last = {start};
        Duration open = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return Multi.createFrom().ticks().every(config.stream().pollEvery())
            .onOverflow().drop()
            .emitOn(Infrastructure.getDefaultWorkerPool())
            .onItem().transformToIterable(tick -> {
                List<Notification> fresh = inbox.after(mine, last[0], 50);
                if (!fresh.isEmpty()) {
                    last[0] = fresh.get(fresh.size() - 1).seq;
                }
                return fresh;
            })
            .map(n -> NotificationView.of(n, locale))
            .select().first(open.isNegative() ? Duration.ZERO : open);
    }
}
