package ir.tehran.womenfamily.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.notification.channel.Channels;
import ir.tehran.womenfamily.notification.inbox.Notification;
import ir.tehran.womenfamily.notification.push.PushSubscription;
import ir.tehran.womenfamily.notification.push.PushSubscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Plans the deliveries of a new notification, in its transaction, by the channels its recipient chose. */
@ApplicationScoped
public class Deliveries {

    @Inject
    Channels channels;

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    PushSender push;

    /** One push delivery per subscription of hers when she has push on (and this deployment has VAPID keys). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int plan(Notification n, Instant now) {
        Channels.Choices choices = channels.of(n.recipient());
        int planned = 0;
        if (choices.push() && push.enabled()) {
            for (PushSubscription s : subscriptions.of(n.recipient())) {
                Delivery d = new Delivery();
                d.id = UUID.randomUUID();
                d.notificationId = n.id;
                d.channel = Delivery.Channel.PUSH;
                d.subscriptionId = s.id;
                d.status = Delivery.Status.PENDING;
                d.attempts = 0;
                d.nextAttemptAt = now;
                d.createdAt = now;
                d.persist();
                planned++;
            }
        }
        // SMS: when she chose it (choices.sms()), a Delivery on Channel.SMS goes here, sent by the shared SMS port
        return planned;
    }
}
