package ir.tehran.womenfamily.registry.dci;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.consent.Disclosure;
import ir.tehran.womenfamily.registry.consent.DisclosureLog;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.EventConsumers;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Sends {@code notify} to the agencies subscribed ({@link DciSubscriptions}) when a woman is registered or her
 * household changes, from the registry's own events: {@code beneficiary.registered} and a
 * {@code consent.given} to share with agencies are {@code REGISTER} (a woman an agency may newly see; each
 * subscription is told of her once), {@code child.added} is {@code NewHouseHoldMember}, {@code child.updated}
 * and {@code child.removed} are {@code UPDATE}. The events are read by {@link EventConsumers} (consumer
 * {@value #CONSUMER}), which applies each one once, in the order of its topic partition, in one transaction with
 * what it causes here: the notification row (one per subscription and event), her disclosure log entry, the audit
 * entry and the callback handed to {@link DciCallbacks}.
 *
 * <p>Need to know, checked when the notification is made, not when the subscription was: she is notified to a
 * subscription only under her active {@code SHARE_WITH_AGENCY} consent covering its agency (a revocation stops the
 * next notification at once), never while she is in a sensitive cohort, and only with the record the sync search
 * releases (national code, name, birth date).
 */
@ApplicationScoped
public class DciNotifications {

    static final String CONSUMER = "registry-dci-notify";

    private static final Logger LOG = Logger.getLogger(DciNotifications.class);

    /** The DCI event type of each registry event that notifies. */
    static final Map<String, String> EVENT_TYPES = Map.of(
        "beneficiary.registered", "REGISTER",
        "consent.given", "REGISTER",
        "child.added", "NewHouseHoldMember",
        "child.updated", "UPDATE",
        "child.removed", "UPDATE");

    @Inject
    EventConsumers consumers;

    @Inject
    DisclosureLog disclosures;

    @Inject
    DciCallbacks callbacks;

    @Inject
    AgencyDirectory agencies;

    @Inject
    DciSubscriptions subscriptions;

    @Inject
    AgencyRelease release;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    DciConfig config;

    void start(@Observes StartupEvent event) {
        if (config.notifications().enabled()) {
            consumers.start(CONSUMER, config.notifications().topics(), this::apply);
        }
    }

    /** One registry event from the consumer. */
    void apply(ReceivedEvent event) {
        notifyOf(event.id(), event.type(), event.data());
    }

    /**
     * The notifications of the event {@code eventId} of {@code type} (a CloudEvents type ending with the
     * registry's event type), made as the system job {@code dci-notify}; how many were released.
     */
    @Transactional
    public int notifyOf(String eventId, String type, JsonNode data) {
        try {
            return Callers.callAs(Caller.system("dci-notify"), () -> notifyNow(eventId, type, data));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int notifyNow(String eventId, String type, JsonNode data) {
        Map.Entry<String, String> kind = EVENT_TYPES.entrySet().stream()
            .filter(e -> type.equals(e.getKey()) || type.endsWith("." + e.getKey())).findFirst().orElse(null);
        if (kind == null) {
            return 0;
        }
        boolean consent = kind.getKey().startsWith("consent.");
        if (consent && !ConsentPurpose.SHARE_WITH_AGENCY.name().equals(data.path("purpose").asText())) {
            return 0;
        }
        JsonNode woman = kind.getKey().startsWith("child.") ? data.path("motherId") : data.path("beneficiaryId");
        if (!woman.isTextual()) {
            return 0;
        }
        Beneficiary b = Beneficiary.findById(UUID.fromString(woman.asText()));
        if (b == null || b.isMerged() || AgencyRelease.inSensitiveCohort(b.id)) {
            return 0;
        }
        Instant now = Instant.now(clock);
        int released = 0;
        for (DciSubscription s : DciSubscription.matching(kind.getValue(), b.nationalCode, now)) {
            if (release(s, b, eventId, kind.getValue(), now)) {
                released++;
            }
        }
        return released;
    }

    private boolean release(DciSubscription subscription, Beneficiary b, String eventId, String eventType,
            Instant now) {
        // one notifying transaction at a time per subscription: its notifications are made in order
        DciSubscription s = DciSubscription.findById(subscription.id, LockModeType.PESSIMISTIC_WRITE);
        if (!s.liveAt(now) || DciNotification.count("subscriptionId = ?1 and eventId = ?2", s.id, eventId) > 0) {
            return false;
        }
        if ("REGISTER".equals(eventType) && DciNotification.count(
                "subscriptionId = ?1 and beneficiaryId = ?2 and eventType = ?3", s.id, b.id, eventType) > 0) {
            return false;
        }
        Agency agency = agencies.agencyOf(s.clientId);
        String target = DciSubscriptions.target(s.senderUri, "notify");
        if (agency == null || !callbacks.allowed(s.clientId, target) || !release.releasable(b.id, agency)) {
            // no longer an agency, nowhere allowed to send, or she may not be released to it: nothing is released
            LOG.warnf("DCI subscription %s of %s: no agency or no allowed callback; not notified", s.code, s.clientId);
            return false;
        }
        UUID id = UUID.randomUUID();
        Optional<Disclosure> disclosure = disclosures.share(b.id, ConsentPurpose.SHARE_WITH_AGENCY, agency,
            DciSearch.WHAT, "agency:" + agency.key() + " (client " + s.clientId + ")",
            "dci-notify:" + s.code + "/" + id);
        if (disclosure.isEmpty()) {
            return false;
        }
        DciNotification n = new DciNotification();
        n.id = id;
        n.subscriptionId = s.id;
        n.beneficiaryId = b.id;
        n.eventId = eventId;
        n.eventType = eventType;
        n.disclosureId = disclosure.get().id;
        n.releasedAt = now;
        n.persist();
        audit.record(AuditEvent.of("dci.notify.release", DciSearch.RESOURCE, b.id).withPurpose("dci-social-registry")
            .withDetail("subscription", s.code).withDetail("client", s.clientId).withDetail("eventType", eventType)
            .withDetail("notification", id.toString()));
        String transactionId = UUID.randomUUID().toString();
        subscriptions.callback(s.clientId, s.senderUri, "notify",
            DciSubscriptions.callbackHeader("notify", "succ", 1, s.clientId, now),
            new SubscriptionDtos.NotifyRequest(transactionId, List.of(new SubscriptionDtos.NotifyEvent(
                id.toString(), now.toString(), new SubscriptionDtos.NotifyData("1.0.0", "ns:org:RegistryType:Social",
                    eventType, "Person", DciSearch.person(b)), s.locale))), List.of(b.id));
        return true;
    }
}
