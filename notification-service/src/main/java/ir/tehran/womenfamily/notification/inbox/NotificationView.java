package ir.tehran.womenfamily.notification.inbox;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.Days;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notification as its recipient reads it, in the language her app asked for. */
@Schema(name = "Notification")
public record NotificationView(UUID id,
        @Schema(description = "What happened: offer.made, offer.lapsed, allocation.published, correction.handled")
        String kind,
        @Schema(description = "The record it is about (an offer, an allocation, a correction), if any") UUID subjectId,
        @Schema(description = "The business, woman or sponsor it is addressed to: BUSINESS, BENEFICIARY or SPONSOR")
        String recipientKind,
        UUID recipientId, String title, String body, Instant createdAt, String createdAtJalali, boolean read,
        Instant readAt) {

    public static NotificationView of(Notification n, Locale locale) {
        return new NotificationView(n.id, n.kind, n.subjectId, n.recipientKind.name(), n.recipientId,
            n.title(locale), n.body(locale), n.createdAt, Days.jalali(n.createdAt), n.readAt != null, n.readAt);
    }
}
