package ir.tehran.womenfamily.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One notification to send on one channel: the delivery outbox. Written in the notification's transaction, sent by
 * {@link DeliveryRelay} with retries and exponential back-off.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    /**
     * The channels a delivery goes out on. The inbox and the live stream need none (they read the notification
     * itself). SMS is the seam for the shared SMS port ({@code support-sms}, {@code SmsSender}): a delivery
     * {@code SMS} planned in {@link Deliveries#plan} for a woman who chose it, sent in {@link DeliveryRelay#send}
     * through that port, with the table's {@code channel} check widened in a migration.
     */
    public enum Channel { PUSH }

    /** Pending until sent; failed after the last attempt; gone when the subscription no longer exists. */
    public enum Status { PENDING, SENT, FAILED, GONE }

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
