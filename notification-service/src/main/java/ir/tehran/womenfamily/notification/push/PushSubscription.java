package ir.tehran.womenfamily.notification.push;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.notification.recipient.Recipient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A browser's or phone's push subscription (RFC 8030 endpoint; RFC 8291 keys {@code p256dh} and {@code auth},
 * base64url), for one recipient her token named when she subscribed.
 */
@Entity
@Table(name = "push_subscription")
public class PushSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public Recipient.Kind recipientKind;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(nullable = false)
    public String endpoint;

    @Column(nullable = false)
    public String p256dh;

    @Column(nullable = false)
    public String auth;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Recipient recipient() {
        return new Recipient(recipientKind, recipientId);
    }
}
