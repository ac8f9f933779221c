package ir.tehran.womenfamily.notification.inbox;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.notification.recipient.Recipient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;

/** One notification in a person's inbox, its texts written in Persian and English when its event arrived. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The order of arrival: the inbox's cursor and the live stream's event id. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public Recipient.Kind recipientKind;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    /** What happened: {@code offer.made}, {@code offer.lapsed}, {@code allocation.published}, ... */
    @Column(nullable = false)
    public String kind;

    /** The record it is about (an offer, an allocation, a correction), or null. */
    @Column(name = "subject_id")
    public UUID subjectId;

    @Column(name = "title_fa", nullable = false)
    public String titleFa;

    @Column(name = "body_fa", nullable = false)
    public String bodyFa;

    @Column(name = "title_en", nullable = false)
    public String titleEn;

    @Column(name = "body_en", nullable = false)
    public String bodyEn;

    /** The CloudEvents id of the event it came from: one event, one notification. */
    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    public Recipient recipient() {
        return new Recipient(recipientKind, recipientId);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleFa;
    }

    public String body(Locale locale) {
        return "en".equals(locale.getLanguage()) ? bodyEn : bodyFa;
    }
}
