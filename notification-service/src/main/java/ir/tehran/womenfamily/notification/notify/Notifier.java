package ir.tehran.womenfamily.notification.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.notification.NotificationConfig;
import ir.tehran.womenfamily.notification.delivery.Deliveries;
import ir.tehran.womenfamily.notification.inbox.Notification;
import ir.tehran.womenfamily.notification.inbox.StreamHub;
import ir.tehran.womenfamily.notification.recipient.Recipient;
import ir.tehran.womenfamily.support.events.EventConsumers;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Turns the events that concern a person into notifications: the bazaar's {@code offer.made} (a freed stall with
 * its reply deadline, or a place kept in a coming bazaar), {@code offer.lapsed} and {@code allocation.published}
 * (one event for each producer, placed or waitlisted), the registry's {@code correction.handled} and
 * {@code referral.answered} (to the woman the referral concerns: the answer, with no agency or purpose), and
 * sponsorship's {@code instalment.due} (a sponsor's instalment coming due). Each event is
 * applied once ({@link EventConsumers} records its id in the same transaction), and its notification's deliveries
 * are planned in that transaction too. Payloads carry ids only; the texts say what happened and when, with no other
 * person's name.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    @Inject
    EventConsumers consumers;

    @Inject
    NotificationConfig config;

    @Inject
    Deliveries deliveries;

    @Inject
    Clock clock;

    @Inject
    StreamHub streams;

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            consumers.start(config.consumerGroup(), config.topics(), this::apply);
        }
    }

    void apply(ReceivedEvent e) {
        Optional<Notification> n = notificationOf(e);
        if (n.isEmpty()) {
            LOG.debugf("nothing to tell of %s", e.type());
            return;
        }
        Instant now = Instant.now(clock);
        Notification made = n.get();
        made.id = UUID.randomUUID();
        made.eventId = e.id();
        made.createdAt = now;
        made.persist();
        deliveries.plan(made, now);
        streams.storedInThisTransaction(made.recipient());
    }

    /** The notification an event makes, or empty for an event that tells no one anything. */
    static Optional<Notification> notificationOf(ReceivedEvent e) {
        JsonNode d = e.data();
        if (e.is("offer.made")) {
            UUID business = uuid(d, "businessId");
            if ("RELEASED_STALL".equals(d.path("kind").asText())) {
                Instant replyBy = d.hasNonNull("replyBy") ? Instant.parse(d.get("replyBy").asText()) : null;
                Texts t = replyBy == null
                    ? Texts.of("notify.offer.stall-open", new Object[] {d.path("offeredFromJalali").asText()},
                        new Object[] {d.path("offeredFrom").asText()})
                    : Texts.of("notify.offer.stall", new Object[] {d.path("offeredFromJalali").asText(),
                        Texts.jalaliDay(replyBy), Texts.tehranTime(replyBy)}, new Object[] {
                        d.path("offeredFrom").asText(), Texts.isoDay(replyBy), Texts.tehranTime(replyBy)});
                return Optional.of(make(Recipient.business(business), "offer.made", uuid(d, "offerId"), t));
            }
            Texts t = Texts.of("notify.offer.next", new Object[] {d.path("offeredFromJalali").asText(),
                d.path("offeredToJalali").asText()}, new Object[] {d.path("offeredFrom").asText(),
                d.path("offeredTo").asText()});
            return Optional.of(make(Recipient.business(business), "offer.made", uuid(d, "offerId"), t));
        }
        if (e.is("offer.lapsed")) {
            Instant lapsedAt = Instant.parse(d.path("lapsedAt").asText());
            Texts t = Texts.of("notify.offer.lapsed", new Object[] {Texts.jalaliDay(lapsedAt),
                Texts.tehranTime(lapsedAt)}, new Object[] {Texts.isoDay(lapsedAt), Texts.tehranTime(lapsedAt)});
            return Optional.of(make(Recipient.business(uuid(d, "businessId")), "offer.lapsed", uuid(d, "offerId"), t));
        }
        if (e.is("allocation.published")) {
            UUID business = uuid(d, "businessId");
            if ("PLACED".equals(d.path("outcome").asText()) && d.path("stalls").size() > 0) {
                JsonNode stalls = d.path("stalls");
                LocalDate first = null;
                for (JsonNode s : stalls) {
                    LocalDate day = LocalDate.parse(s.path("day").asText());
                    first = first == null || day.isBefore(first) ? day : first;
                }
                Texts t = Texts.of("notify.allocation.placed", new Object[] {stalls.size(), Days.jalali(first)},
                    new Object[] {stalls.size(), first.toString()});
                return Optional.of(make(Recipient.business(business), "allocation.published",
                    uuid(d, "allocationId"), t));
            }
            Texts t = Texts.of("notify.allocation.waitlisted", new Object[0], new Object[0]);
            return Optional.of(make(Recipient.business(business), "allocation.published", uuid(d, "allocationId"),
                t));
        }
        if (e.is("correction.handled")) {
            String outcome = d.path("outcome").asText();
            Texts t = Texts.of("notify.correction", new Object[] {new Messages.Key("outcome." + outcome, outcome)},
                new Object[] {new Messages.Key("outcome." + outcome, outcome)});
            return Optional.of(make(Recipient.beneficiary(uuid(d, "beneficiaryId")), "correction.handled",
                uuid(d, "correctionId"), t));
        }
        if (e.is("referral.answered")) {
            String direction = "IN".equals(d.path("direction").asText()) ? "IN" : "OUT";
            String answer = d.path("answer").asText();
            Object[] args = {new Messages.Key("answer." + answer, answer)};
            Texts t = Texts.of("notify.referral." + direction, args, args);
            return Optional.of(make(Recipient.beneficiary(uuid(d, "beneficiaryId")), "referral.answered",
                uuid(d, "referralId"), t));
        }
        if (e.is("instalment.due")) {
            LocalDate dueOn = LocalDate.parse(d.path("dueOn").asText());
            long amount = d.path("amountDueRials").asLong();
            Texts t = Texts.of("notify.instalment.due", new Object[] {d.path("dueOnJalali").asText(),
                String.format(Locale.ROOT, "%,d", amount)}, new Object[] {dueOn.toString(),
                String.format(Locale.ROOT, "%,d", amount)});
            return Optional.of(make(Recipient.sponsor(uuid(d, "sponsorId")), "instalment.due",
                uuid(d, "sponsorshipId"), t));
        }
        return Optional.empty();
    }

    private static Notification make(Recipient to, String kind, UUID subject, Texts t) {
        Notification n = new Notification();
        n.recipientKind = to.kind();
        n.recipientId = to.id();
        n.kind = kind;
        n.subjectId = subject;
        n.titleFa = t.titleFa();
        n.bodyFa = t.bodyFa();
        n.titleEn = t.titleEn();
        n.bodyEn = t.bodyEn();
        return n;
    }

    private static UUID uuid(JsonNode d, String field) {
        return d.hasNonNull(field) ? UUID.fromString(d.get(field).asText()) : null;
    }
}
