package ir.tehran.womenfamily.notification.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import ir.tehran.womenfamily.notification.recipient.Recipient;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person's channels. The inbox (and the live stream of an open app) always; Web Push unless she turns it off;
 * SMS only if she turns it on, for what must reach a woman without a smartphone. Until she chooses: push on, SMS
 * off, Persian. Her choice is kept for each recipient her token names (a producer's businesses alike).
 */
@ApplicationScoped
public class Channels {

    /** Her channels and the language of what is pushed to her. */
    @Schema(name = "ChannelChoices")
    public record Choices(@Schema(description = "Web Push to her subscribed browsers and phones") boolean push,
            @Schema(description = "SMS, for what must reach her without a smartphone") boolean sms,
            @Schema(description = "The language of pushed texts: fa (with Jalali dates) or en",
                enumeration = {"fa", "en"}) String language) {

        public static final Choices DEFAULT = new Choices(true, false, "fa");
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    /** The choices of one recipient (the defaults until she chose). */
    @Transactional
    public Choices of(Recipient r) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select push, sms, language from channel_choice "
                + "where recipient_kind = ?1 and recipient_id = ?2")
            .setParameter(1, r.kind().name()).setParameter(2, r.id()).getResultList();
        return rows.isEmpty() ? Choices.DEFAULT
            : new Choices((Boolean) rows.get(0)[0], (Boolean) rows.get(0)[1], (String) rows.get(0)[2]);
    }

    /** Hers: those of the first recipient her token names (they are set together). */
    @Transactional
    public Choices of(Set<Recipient> mine) {
        return mine.isEmpty() ? Choices.DEFAULT : of(mine.iterator().next());
    }

    /** Sets her choices for every recipient her token names. */
    @Transactional
    public Choices choose(Set<Recipient> mine, Choices choices) {
        Instant now = Instant.now(clock);
        for (Recipient r : mine) {
            em.createNativeQuery("insert into channel_choice (recipient_kind, recipient_id, push, sms, language, "
                    + "updated_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (recipient_kind, recipient_id) do "
                    + "update set push = excluded.push, sms = excluded.sms, language = excluded.language, "
                    + "updated_at = excluded.updated_at")
                .setParameter(1, r.kind().name()).setParameter(2, r.id()).setParameter(3, choices.push())
                .setParameter(4, choices.sms()).setParameter(5, choices.language()).setParameter(6, now)
                .executeUpdate();
            audit.record(AuditEvent.of("channels.choose", "recipient", r.id()).withDetail("kind", r.kind().name())
                .withDetail("push", choices.push()).withDetail("sms", choices.sms()));
        }
        return choices;
    }
}
