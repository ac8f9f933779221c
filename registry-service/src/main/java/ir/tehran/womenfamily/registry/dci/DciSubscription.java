package ir.tehran.womenfamily.registry.dci;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An agency's DCI subscription: which client made it (and the agency it stands for, as her consent names it),
 * what it is notified of ({@link #eventType}; one woman by {@link #nationalCode}, or every woman who consents to
 * that agency when it is null), where the notifications go, and until when.
 */
@Entity
@Table(name = "dci_subscription")
public class DciSubscription extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String UNSUBSCRIBED = "UNSUBSCRIBED";

    @Id
    public UUID id;

    /** The subscription code the agency unsubscribes with. */
    @Column(nullable = false)
    public String code;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The agency as {@code registry.agency-check.agencies} names it ({@code WELFARE_ORGANISATION}). */
    @Column(nullable = false)
    public String agency;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "national_code")
    public String nationalCode;

    @Column(name = "notify_record_type", nullable = false)
    public String notifyRecordType;

    @Column(name = "sender_uri")
    public String senderUri;

    @Column(nullable = false)
    public String locale;

    @Column(nullable = false)
    public String state;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "transaction_id", nullable = false)
    public String transactionId;

    @Column(name = "reference_id", nullable = false)
    public String referenceId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Whether it is notified at {@code now}: active, begun and not expired. */
    public boolean liveAt(Instant now) {
        return ACTIVE.equals(state) && !now.isBefore(startsAt) && now.isBefore(expiresAt);
    }

    /** The live subscriptions to {@code eventType} that a woman with {@code nationalCode} matches. */
    public static List<DciSubscription> matching(String eventType, String nationalCode, Instant now) {
        return list("state = ?1 and eventType = ?2 and (nationalCode is null or nationalCode = ?3) "
            + "and startsAt <= ?4 and expiresAt > ?4 order by createdAt, id", ACTIVE, eventType, nationalCode, now);
    }
}
