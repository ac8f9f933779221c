package ir.tehran.womenfamily.notification.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    StreamHub hub;

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
        description = WHO + " Each event's data is a Notification (its `id` the notification's); a comment line "
            + "(`:heartbeat`) comes every `notification.stream.heartbeat-every` (15 s), so that proxies keep the "
            + "stream open and the app sees a dead one. The stream ends when her token expires; the app opens it "
            + "again with a fresh token, naming with `after` the newest notification it holds. Refused: "
            + "400 when `after` is not an id, 404 when it names nothing of hers.")
    @APIResponse(responseCode = "200", description = "Her notifications as server-sent events",
        content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = NotificationView.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Send what arrived after this notification of hers (default: from now on)")
            @QueryParam("after") String after, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @Context Sse sse) {
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
        Duration open = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            LiveStream live = new LiveStream(mine, start, locale, sse, emitter);
            emitter.onTermination(hub.open(mine, live));
            live.wake();
        }, BackPressureStrategy.BUFFER).select().first(open.isNegative() ? Duration.ZERO : open);
    }

    /**
     * One open stream: woken by the {@link StreamHub} when one of her recipients has a new notification, it reads
     * hers after the last it sent (on a worker thread, one read at a time; a wake during a read makes one more).
     */
    private final class LiveStream implements StreamHub.Listener {
        private final Set<Recipient> mine;
        private final Locale locale;
        private final Sse sse;
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final AtomicInteger wakes = new AtomicInteger();
        private long last;

        LiveStream(Set<Recipient> mine, long start, Locale locale, Sse sse,
                MultiEmitter<? super OutboundSseEvent> emitter) {
            this.mine = mine;
            this.last = start;
            this.locale = locale;
            this.sse = sse;
            this.emitter = emitter;
        }

        @Override
        public void wake() {
            if (wakes.getAndIncrement() == 0) {
                Infrastructure.getDefaultWorkerPool().execute(this::drain);
            }
        }

        @Override
        public void heartbeat() {
            send(sse.newEventBuilder().comment("heartbeat").build());
        }

        private void drain() {
            int missed = 1;
            try {
                do {
                    List<Notification> fresh;
                    do {
                        fresh = inbox.after(mine, last, 50);
                        for (Notification n : fresh) {
                            last = n.seq;
                            send(sse.newEventBuilder().id(n.id.toString()).mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(NotificationView.class, NotificationView.of(n, locale)).build());
                        }
                    } while (fresh.size() == 50 && !emitter.isCancelled());
                    missed = wakes.addAndGet(-missed);
                } while (missed != 0);
            } catch (RuntimeException e) {
                emitter.fail(e);
            }
        }

        private synchronized void send(OutboundSseEvent event) {
            if (!emitter.isCancelled()) {
                emitter.emit(event);
            }
        }
    }
}
