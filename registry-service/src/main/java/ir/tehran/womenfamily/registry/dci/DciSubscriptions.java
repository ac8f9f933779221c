package ir.tehran.womenfamily.registry.dci;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * DCI subscriptions: an agency subscribes to an event type ({@code REGISTER}: a woman registered, or newly
 * consenting to share with it; {@code NewHouseHoldMember}: a child added to her household; {@code UPDATE}: her
 * household otherwise changed), for one woman by national code or for every woman who consents to it, and
 * unsubscribes by the codes it was given. Both are acknowledged at once ({@code ACK}); the answer goes to the
 * agency's {@code on-subscribe} / {@code on-unsubscribe} through {@link DciCallbacks}, in the same transaction.
 * Whether a woman exists is never revealed: a subscription by national code is made whether she is here or not.
 */
@ApplicationScoped
public class DciSubscriptions {

    static final String RESOURCE = "dci.subscription";
    static final Set<String> EVENT_TYPES = Set.of("REGISTER", "NewHouseHoldMember", "UPDATE");
    static final Set<String> RECORD_TYPES = Set.of("Person", "Member", "SRPerson");
    static final int MAX_ITEMS = 100;

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    AgencyDirectory agencies;

    @Inject
    DciCallbacks callbacks;

    @Inject
    Clock clock;

    @Inject
    DciConfig config;

    /** The agency a client stands for ({@link AgencyDirectory}); a client that is none may not subscribe. */
    Agency agencyOf(Caller caller) {
        Agency agency = agencies.agencyOf(caller.clientId());
        if (agency == null) {
            throw new ProblemException(403, "dci-agency");
        }
        return agency;
    }

    /**
     * Queues a callback to the agency through {@link DciCallbacks} (signed, retried, only to its allow-list):
     * to {@code {senderUri}/registry/{action}}, or below its first callback base URL when the request named no
     * {@code sender_uri}. A target off the allow-list is a 403 {@code dci-callback-host}, and nothing is stored.
     */
    void callback(String clientId, String senderUri, String action, DciDtos.CallbackHeader header, Object message) {
        callback(clientId, senderUri, action, header, message, List.of());
    }

    /** As {@link #callback(String, String, String, DciDtos.CallbackHeader, Object)}, releasing {@code women}. */
    void callback(String clientId, String senderUri, String action, DciDtos.CallbackHeader header, Object message,
            List<UUID> women) {
        callbacks.send(clientId, target(senderUri, action), Map.of("header", header, "message", message), women);
    }

    /** {@code {senderUri}/registry/{action}} ({@code senderUri} as is when it names that path already). */
    static String target(String senderUri, String action) {
        String path = "/registry/" + action;
        if (senderUri == null || senderUri.isBlank()) {
            return path;
        }
        String base = senderUri.endsWith("/") ? senderUri.substring(0, senderUri.length() - 1) : senderUri;
        return base.endsWith(path) ? base : base + path;
    }

    @Transactional
    public DciDtos.Ack subscribe(SubscriptionDtos.SubscribeEnvelope request) {
        DciDtos.MsgHeader header = request.header();
        Caller caller = callers.current();
        Envelopes.checkHeader(header, "subscribe", caller);
        JsonNode message = json.valueToTree(request.message());
        JsonNode items = message.path("subscribe_request");
        if (!items.isArray() || items.isEmpty()) {
            throw ProblemException.invalid("message.subscribe_request", "validation.dci.subscribe-request");
        }
        if (items.size() > MAX_ITEMS) {
            throw ProblemException.invalid("message.subscribe_request", "validation.dci.too-many");
        }
        String transactionId = transactionId(message);
        Agency agency = agencyOf(caller);
        Instant now = Instant.now(clock);
        Set<String> references = new HashSet<>();
        List<SubscriptionDtos.SubscribeResult> results = new ArrayList<>();
        for (JsonNode item : items) {
            results.add(subscribeOne(item, references, caller, agency, header, transactionId, now));
        }
        long rejected = results.stream().filter(r -> "rjct".equals(r.status())).count();
        String correlationId = UUID.randomUUID().toString();
        callback(caller.clientId(), header.senderUri(), "on-subscribe",
            callbackHeader("on-subscribe", rejected == results.size() ? "rjct" : "succ", results.size(),
                header.senderId(), now),
            new SubscriptionDtos.SubscribeResponse(transactionId, correlationId, results));
        audit.record(AuditEvent.of("dci.subscribe", RESOURCE, transactionId).withPurpose("dci-social-registry")
            .withDetail("sender", header.senderId()).withDetail("messageId", header.messageId())
            .withDetail("requests", items.size()).withDetail("rejected", rejected));
        return ack(correlationId, now);
    }

    private SubscriptionDtos.SubscribeResult subscribeOne(JsonNode item, Set<String> references, Caller caller,
            Agency agency, DciDtos.MsgHeader header, String transactionId, Instant now) {
        String reference = Envelopes.text(item, "reference_id");
        Locale locale = Envelopes.locale(item.path("locale"));
        String localeCode = Envelopes.localeCode(locale);
        if (reference == null) {
            return rejected("", now, "rjct.reference_id.invalid", locale, localeCode);
        }
        if (!references.add(reference)) {
            return rejected(reference, now, "rjct.reference_id.duplicate", locale, localeCode);
        }
        if (instant(Envelopes.text(item, "timestamp")) == null) {
            return rejected(reference, now, "rjct.timestamp.invalid", locale, localeCode);
        }
        JsonNode criteria = item.path("subscribe_criteria");
        String eventType = eventType(Envelopes.text(criteria, "reg_event_type"));
        if (eventType == null) {
            return rejected(reference, now, "rjct.notify_types.invalid", locale, localeCode);
        }
        String recordType = Envelopes.text(criteria, "notify_record_type");
        Instant[] window = window(criteria.path("frequency"), now);
        Optional<String> code;
        try {
            code = filter(criteria);
        } catch (IllegalArgumentException e) {
            code = null;
        }
        if (code == null || window == null || recordType != null && !RECORD_TYPES.contains(recordType)) {
            return rejected(reference, now, "rjct.notify_details.invalid", locale, localeCode);
        }
        Optional<String> canonical = code.flatMap(NationalCode::canonical);
        if (code.isPresent() && canonical.isEmpty()) {
            return rejected(reference, now, "rjct.person_id.invalid", locale, localeCode);
        }
        String nationalCode = canonical.orElse(null);
        DciSubscription.update("state = ?1, endedAt = expiresAt where state = ?2 and expiresAt <= ?3",
            "EXPIRED", DciSubscription.ACTIVE, now);
        long same = DciSubscription.count("clientId = ?1 and eventType = ?2 and state = ?3 and "
            + (nationalCode == null ? "nationalCode is null" : "nationalCode = ?4"),
            nationalCode == null ? new Object[] {caller.clientId(), eventType, DciSubscription.ACTIVE}
                : new Object[] {caller.clientId(), eventType, DciSubscription.ACTIVE, nationalCode});
        if (same > 0) {
            return rejected(reference, now, "rjct.event.already_subscribed", locale, localeCode);
        }
        DciSubscription s = new DciSubscription();
        s.id = UUID.randomUUID();
        s.code = "sub-" + s.id;
        s.clientId = caller.clientId();
        s.agency = agency.key();
        s.eventType = eventType;
        s.nationalCode = nationalCode;
        s.notifyRecordType = recordType == null ? "Person" : recordType;
        s.senderUri = header.senderUri();
        s.locale = localeCode;
        s.state = DciSubscription.ACTIVE;
        s.startsAt = window[0];
        s.expiresAt = window[1];
        s.transactionId = transactionId;
        s.referenceId = reference;
        s.createdAt = now;
        s.persist();
        audit.record(AuditEvent.of("dci.subscription.create", RESOURCE, s.id).withPurpose("dci-social-registry")
            .withDetail("code", s.code).withDetail("client", s.clientId).withDetail("eventType", eventType)
            .withDetail("byNationalCode", nationalCode != null).withDetail("expiresAt", s.expiresAt.toString()));
        return new SubscriptionDtos.SubscribeResult(reference, now.toString(), "succ", null, null,
            List.of(info(s, criteria)), localeCode);
    }

    @Transactional
    public DciDtos.Ack unsubscribe(SubscriptionDtos.UnsubscribeEnvelope request) {
        DciDtos.MsgHeader header = request.header();
        Caller caller = callers.current();
        Envelopes.checkHeader(header, "unsubscribe", caller);
        JsonNode message = json.valueToTree(request.message());
        String transactionId = transactionId(message);
        if (instant(Envelopes.text(message, "timestamp")) == null) {
            throw ProblemException.invalid("message.timestamp", "validation.dci.timestamp");
        }
        JsonNode codes = message.path("subscription_codes");
        if (!codes.isArray() || codes.isEmpty()) {
            throw ProblemException.invalid("message.subscription_codes", "validation.dci.subscription-codes");
        }
        if (codes.size() > MAX_ITEMS) {
            throw ProblemException.invalid("message.subscription_codes", "validation.dci.too-many");
        }
        agencyOf(caller);
        Instant now = Instant.now(clock);
        List<SubscriptionDtos.CodeStatus> statuses = new ArrayList<>();
        int ended = 0;
        Set<String> seen = new HashSet<>();
        for (JsonNode c : codes) {
            if (!c.isTextual() || !seen.add(c.asText())) {
                continue;
            }
            // another agency's code is answered like a code that does not exist
            Optional<DciSubscription> found = DciSubscription.<DciSubscription>find("code = ?1 and clientId = ?2",
                c.asText(), caller.clientId()).firstResultOptional();
            if (found.isEmpty()) {
                continue;
            }
            DciSubscription s = found.get();
            if (DciSubscription.ACTIVE.equals(s.state)) {
                s.state = DciSubscription.UNSUBSCRIBED;
                s.endedAt = now;
                ended++;
                audit.record(AuditEvent.of("dci.subscription.end", RESOURCE, s.id).withPurpose("dci-social-registry")
                    .withDetail("code", s.code).withDetail("client", s.clientId));
            }
            statuses.add(new SubscriptionDtos.CodeStatus(s.code, "unsubscribe"));
        }
        String reason = statuses.isEmpty() ? "rjct.subscription_code.invalid"
            : ended == 0 ? "rjct.event.already_unsubscribed" : null;
        String status = reason == null ? "succ" : "rjct";
        String correlationId = UUID.randomUUID().toString();
        Locale locale = Envelopes.locale(message.path("locale"));
        callback(caller.clientId(), header.senderUri(), "on-unsubscribe",
            callbackHeader("on-unsubscribe", status, codes.size(), header.senderId(), now),
            new SubscriptionDtos.UnsubscribeResponse(transactionId, correlationId, now.toString(), status, reason,
                reason == null ? null : Messages.get(locale, "dci.reason." + reason), statuses));
        audit.record(AuditEvent.of("dci.unsubscribe", RESOURCE, transactionId).withPurpose("dci-social-registry")
            .withDetail("sender", header.senderId()).withDetail("messageId", header.messageId())
            .withDetail("codes", codes.size()).withDetail("ended", ended));
        return ack(correlationId, now);
    }

    /** {@code REGISTER}, {@code NewHouseHoldMember} or {@code UPDATE}, also with a namespace in front. */
    static String eventType(String text) {
        if (text == null) {
            return null;
        }
        String name = text.substring(text.lastIndexOf(':') + 1);
        return EVENT_TYPES.contains(name) ? name : null;
    }

    /**
     * The national code the filter names, empty for every consenting woman ({@code filter: {}}); the filter is
     * read as a search query of its {@code filter_type} ({@code idtype-value} when none), so only the national code
     * may be named. An invalid filter throws {@link IllegalArgumentException}.
     */
    private Optional<String> filter(JsonNode criteria) {
        JsonNode filter = criteria.path("filter");
        if (filter.isMissingNode() || filter.isNull() || filter.isObject() && filter.isEmpty()) {
            return Optional.empty();
        }
        String type = Envelopes.text(criteria, "filter_type");
        ObjectNode query = json.createObjectNode();
        query.put("query_type", type == null ? "idtype-value" : type);
        query.set("query", filter);
        return Optional.of(Queries.nationalCode(query)
            .orElseThrow(() -> new IllegalArgumentException("no national code")));
    }

    /** From {@code frequency.start_time} (or now) to its {@code end_time}, at most the subscription lifetime. */
    private Instant[] window(JsonNode frequency, Instant now) {
        Instant longest = now.plus(config.subscriptionLifetime());
        if (frequency.isMissingNode() || frequency.isNull()) {
            return new Instant[] {now, longest};
        }
        Instant start = instant(Envelopes.text(frequency, "start_time"));
        Instant end = instant(Envelopes.text(frequency, "end_time"));
        if (start == null || end == null || !end.isAfter(start) || !end.isAfter(now)) {
            return null;
        }
        Instant from = start.isBefore(now) ? now : start;
        Instant to = end.isAfter(longest) ? longest : end;
        return to.isAfter(from) ? new Instant[] {from, to} : null;
    }

    private SubscriptionDtos.SubscriptionInfo info(DciSubscription s, JsonNode criteria) {
        JsonNode filter = criteria.path("filter");
        return new SubscriptionDtos.SubscriptionInfo("1.0.0", s.code, "subscribe", s.createdAt.toString(),
            "ns:org:RegistryType:Social", s.eventType, Envelopes.text(criteria, "filter_type"),
            filter.isMissingNode() ? null : filter, s.notifyRecordType);
    }

    private static String transactionId(JsonNode message) {
        String transactionId = Envelopes.text(message, "transaction_id");
        if (transactionId == null || transactionId.length() > 99) {
            throw ProblemException.invalid("message.transaction_id", "validation.dci.transaction-id");
        }
        return transactionId;
    }

    static DciDtos.CallbackHeader callbackHeader(String action, String status, int count, String receiver,
            Instant now) {
        return new DciDtos.CallbackHeader("1.0.0", UUID.randomUUID().toString(), now.toString(), action, status,
            null, null, count, count, Envelopes.RECEIVER, receiver, false);
    }

    private static DciDtos.Ack ack(String correlationId, Instant now) {
        return new DciDtos.Ack(new DciDtos.AckMessage("ACK", now.toString(), correlationId));
    }

    private static SubscriptionDtos.SubscribeResult rejected(String reference, Instant now, String code,
            Locale locale, String localeCode) {
        return new SubscriptionDtos.SubscribeResult(reference, now.toString(), "rjct", code,
            Messages.get(locale, "dci.reason." + code), null, localeCode);
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
