package ir.tehran.womenfamily.registry.dci;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.tehran.womenfamily.registry.agencysupport.AgencySupport;
import ir.tehran.womenfamily.registry.agencysupport.AgencySupportDtos;
import ir.tehran.womenfamily.registry.agencysupport.AgencySupportService;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentDtos.AgencyRef;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.consent.DisclosureLog;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The registry as a DCI client of the registries other agencies run: the enrolment check in the other direction
 * (a sync search by her national code), subscriptions to an agency's events about her, and the agency's signed
 * callbacks ({@code notify}, {@code on-subscribe}, {@code on-unsubscribe}) received.
 *
 * <p>It reuses the DCI server's mechanisms, never a copy: the agency is one of the {@link AgencyDirectory}
 * (its keys verify what it sends, through {@link DciEnvelopes#readSigned}), a request goes only to a URL on that
 * agency's callback allow-list ({@link AgencyDirectory#allowedCallback}), and is signed with the registry's key
 * ({@link RegistrySigningKey}). Her national code leaves only under her active {@code SHARE_WITH_AGENCY}
 * consent covering that agency, recorded in her disclosure log ({@link DisclosureLog#share}), the rule the DCI
 * server applies to what it releases. A search's answer is returned, never stored; a {@code notify} for a
 * woman the registry subscribed to becomes support records of source {@code AGENCY}, once per event.
 */
@ApplicationScoped
public class AgencyRegistries {

    static final String RESOURCE = "dci.remote-registry";
    static final String WHAT_SEARCH = "national code (DCI search of the agency's registry)";
    static final String WHAT_SUBSCRIBE = "national code (DCI subscription to the agency's registry)";
    private static final String REG_TYPE = "ns:org:RegistryType:Social";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    @Inject
    AgencyDirectory directory;

    @Inject
    TokenSeal seal;

    @Inject
    RegistrySigningKey signingKey;

    @Inject
    IncomingSignatures signatures;

    @Inject
    DciEnvelopes envelopes;

    @Inject
    DciConfig config;

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    DisclosureLog disclosures;

    @Inject
    AgencyRelease release;

    @Inject
    AgencySupportService support;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    DciHttp http;

    // ---- configuration -------------------------------------------------------------------------------------

    /** The agency's registry as recorded. */
    @Transactional
    public Optional<RemoteDtos.RegistryView> find(String clientId) {
        return Optional.ofNullable(RemoteRegistry.<RemoteRegistry>findById(clientId)).map(RemoteDtos.RegistryView::of);
    }

    /**
     * Records the agency's registry (an admin's act, audited; its token is not). The agency must be in the
     * directory, and the base URL's origin on its callback allow-list: the registry calls no other host.
     */
    @Transactional
    public RemoteDtos.RegistryView put(String clientId, RemoteDtos.RegistryChange change, String ifMatch) {
        if (directory.agencyOf(clientId) == null) {
            throw ProblemException.notFound("agency", clientId);
        }
        String base = strip(change.baseUrl());
        if (directory.allowedCallback(clientId, base).isEmpty()) {
            throw ProblemException.invalid("baseUrl", "validation.dci.remote-url");
        }
        String senderUri = change.senderUri() == null || change.senderUri().isBlank() ? null
            : strip(change.senderUri());
        if (senderUri != null && !acceptable(senderUri)) {
            throw ProblemException.invalid("senderUri", "validation.dci.callback-url");
        }
        RemoteRegistry r = RemoteRegistry.findById(clientId);
        boolean created = r == null;
        if (created) {
            r = new RemoteRegistry();
            r.clientId = clientId;
        } else if (ifMatch != null) {
            Versions.check(ifMatch, r.version);
        }
        r.baseUrl = base;
        r.senderUri = senderUri;
        if (change.accessToken() != null && !change.accessToken().isBlank()) {
            r.accessToken = seal.seal(clientId, change.accessToken().strip());
        }
        r.updatedAt = Instant.now(clock);
        r.updatedBy = callers.current().subject();
        r.persistAndFlush();
        audit.record(AuditEvent.of(created ? "dci.remote-registry.create" : "dci.remote-registry.update", RESOURCE,
            clientId).withDetail("baseUrl", base).withDetail("tokenChanged", change.accessToken() != null));
        return RemoteDtos.RegistryView.of(r);
    }

    // ---- the enrolment check in the other direction --------------------------------------------------------

    private record Outgoing(RemoteRegistry registry, Agency agency, Beneficiary woman, URI url) {
    }

    /**
     * Asks the agency's registry whether it knows her (a sync search by her national code, {@code idtype-value}).
     * The caller must be allowed to see her; her consent to share with that agency is required (a 403
     * {@code dci-remote-consent} otherwise, audited). The answer is returned, not stored.
     */
    public RemoteDtos.SearchAnswer search(String clientId, UUID beneficiaryId) {
        Caller caller = callers.current();
        String transactionId = UUID.randomUUID().toString();
        Outgoing out = disclose(clientId, beneficiaryId, caller, "/registry/sync/search", WHAT_SEARCH,
            "dci-remote-search:" + clientId + "/" + transactionId);
        Instant now = Instant.now(clock);
        ObjectNode message = json.createObjectNode();
        message.put("transaction_id", transactionId);
        ObjectNode item = message.putArray("search_request").addObject();
        item.put("reference_id", "ref-1");
        item.put("timestamp", now.toString());
        ObjectNode criteria = item.putObject("search_criteria");
        criteria.put("version", "1.0.0");
        criteria.put("reg_type", REG_TYPE);
        criteria.put("reg_record_type", "Person");
        criteria.put("query_type", "idtype-value");
        criteria.putObject("query").put("type", "NATIONAL_CODE").put("value", out.woman().nationalCode);
        item.put("locale", "fas");
        JsonNode answer = call(out, "search", message);
        JsonNode result = answer.path("message").path("search_response").path(0);
        List<Map<String, Object>> records = new ArrayList<>();
        List<RemoteDtos.ReportedSupport> reported = new ArrayList<>();
        for (JsonNode record : list(result.path("data").path("reg_records"))) {
            if (!sameWoman(record, out.woman().nationalCode)) {
                continue;
            }
            records.add(json.convertValue(record, MAP));
            for (JsonNode s : list(record.path("support"))) {
                reported.add(new RemoteDtos.ReportedSupport(kind(s), s.path("amount_rials").isIntegralNumber()
                    ? s.path("amount_rials").asLong() : null, Envelopes.text(s, "in_kind_description"),
                    Envelopes.text(s, "from"), Envelopes.text(s, "to")));
            }
        }
        String status = Envelopes.text(result, "status");
        boolean enrolled = "succ".equals(status) && !records.isEmpty();
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditEvent.of("dci.remote.search",
            DciSearch.RESOURCE, beneficiaryId).withPurpose("dci-social-registry").withDetail("client", clientId)
            .withDetail("transactionId", transactionId).withDetail("enrolled", enrolled)));
        return new RemoteDtos.SearchAnswer(clientId, AgencyRef.of(out.agency()), transactionId, status,
            Envelopes.text(result, "status_reason_code"), enrolled, records, reported);
    }

    // ---- subscriptions -------------------------------------------------------------------------------------

    /**
     * Subscribes the registry to the agency's events of {@code eventType} about her (her consent required as for
     * a search). The subscription is kept {@code REQUESTED} until the agency's on-subscribe confirms it with its
     * code; an agency that does not acknowledge leaves it {@code REJECTED} and answers a 502.
     */
    public RemoteDtos.SubscriptionView subscribe(String clientId, RemoteDtos.SubscriptionRequest request) {
        Caller caller = callers.current();
        String transactionId = UUID.randomUUID().toString();
        Outgoing out = disclose(clientId, request.beneficiaryId(), caller, "/registry/subscribe", WHAT_SUBSCRIBE,
            "dci-remote-subscribe:" + clientId + "/" + transactionId);
        if (out.registry().senderUri == null) {
            throw ProblemException.conflict("dci-remote-sender-uri");
        }
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            RemoteSubscription s = new RemoteSubscription();
            s.id = id;
            s.clientId = clientId;
            s.beneficiaryId = out.woman().id;
            s.nationalCode = out.woman().nationalCode;
            s.eventType = request.eventType();
            s.transactionId = transactionId;
            s.state = RemoteSubscription.State.REQUESTED;
            s.createdAt = now;
            s.createdBy = caller.subject();
            s.updatedAt = now;
            s.persist();
            audit.record(AuditEvent.of("dci.remote.subscribe", DciSearch.RESOURCE, s.beneficiaryId)
                .withPurpose("dci-social-registry").withDetail("client", clientId)
                .withDetail("eventType", s.eventType).withDetail("subscription", id.toString()));
        });
        ObjectNode message = json.createObjectNode();
        message.put("transaction_id", transactionId);
        ObjectNode item = message.putArray("subscribe_request").addObject();
        item.put("reference_id", "ref-1");
        item.put("timestamp", now.toString());
        ObjectNode criteria = item.putObject("subscribe_criteria");
        criteria.put("version", "1.0.0");
        criteria.put("reg_type", REG_TYPE);
        criteria.put("reg_event_type", request.eventType());
        criteria.put("filter_type", "idtype-value");
        criteria.putObject("filter").put("type", "NATIONAL_CODE").put("value", out.woman().nationalCode);
        criteria.put("notify_record_type", "Person");
        item.put("locale", "fas");
        JsonNode ack;
        try {
            ack = call(out, "subscribe", message);
        } catch (ProblemException e) {
            QuarkusTransaction.requiringNew().run(() -> state(id, RemoteSubscription.State.REJECTED, null));
            throw e;
        }
        if (!"ACK".equals(ack.path("message").path("ack_status").asText())) {
            QuarkusTransaction.requiringNew().run(() -> state(id, RemoteSubscription.State.REJECTED, null));
            throw new ProblemException(502, "dci-remote-unavailable").with("httpStatus", 200);
        }
        return QuarkusTransaction.requiringNew().call(() -> RemoteDtos.SubscriptionView.of(
            RemoteSubscription.findById(id)));
    }

    /** The registry's subscriptions to the agency's registry, newest first. */
    @Transactional
    public List<RemoteDtos.SubscriptionView> subscriptions(String clientId) {
        return RemoteSubscription.<RemoteSubscription>list("clientId = ?1 order by createdAt desc, id", clientId)
            .stream().map(RemoteDtos.SubscriptionView::of).toList();
    }

    /**
     * Ends a subscription: no notify of it is accepted from now on, and the agency is asked to unsubscribe its
     * code (when it gave one). Audited.
     */
    public RemoteDtos.SubscriptionView unsubscribe(String clientId, UUID id) {
        RemoteSubscription s = QuarkusTransaction.requiringNew().call(() -> {
            RemoteSubscription found = RemoteSubscription.findById(id);
            if (found == null || !found.clientId.equals(clientId)) {
                throw ProblemException.notFound("subscription", id);
            }
            beneficiaries.readable(found.beneficiaryId, callers.current());
            boolean wasLive = found.live();
            state(id, RemoteSubscription.State.UNSUBSCRIBED, null);
            audit.record(AuditEvent.of("dci.remote.unsubscribe", DciSearch.RESOURCE, found.beneficiaryId)
                .withPurpose("dci-social-registry").withDetail("client", clientId)
                .withDetail("subscription", id.toString()).withDetail("wasLive", wasLive));
            return found;
        });
        RemoteRegistry r = QuarkusTransaction.requiringNew().call(() -> RemoteRegistry.findById(clientId));
        if (s.code != null && r != null) {
            ObjectNode message = json.createObjectNode();
            message.put("transaction_id", UUID.randomUUID().toString());
            message.put("timestamp", Instant.now(clock).toString());
            message.putArray("subscription_codes").add(s.code);
            call(new Outgoing(r, directory.agencyOf(clientId), null,
                allowed(clientId, r.baseUrl + "/registry/unsubscribe")), "unsubscribe", message);
        }
        return QuarkusTransaction.requiringNew().call(() -> RemoteDtos.SubscriptionView.of(
            RemoteSubscription.findById(id)));
    }

    // ---- the agency's callbacks ----------------------------------------------------------------------------

    /**
     * The agency's {@code notify}: signed by an agency of the directory (else a 401), each event about a woman of
     * the register (else a 404 {@code dci-notify-woman}) that the registry is subscribed to with that agency for
     * that event type (else a 403 {@code dci-notify-not-subscribed}); the whole message is refused when one event
     * is. Each event becomes her support records of source {@code AGENCY}, once: an event id seen before changes
     * nothing. Audited.
     */
    @Transactional
    public DciDtos.Ack notify(String body) throws JsonProcessingException {
        RemoteDtos.CallbackEnvelope envelope = envelopes.readSigned(body, RemoteDtos.CallbackEnvelope.class);
        String sender = checkAction(envelope, "notify");
        Agency agency = directory.agencyOf(sender);
        JsonNode message = json.valueToTree(envelope.message());
        JsonNode events = message.path("notify_event");
        if (!events.isArray() || events.isEmpty()) {
            throw ProblemException.invalid("message.notify_event", "validation.dci.notify-event");
        }
        Instant now = Instant.now(clock);
        record Item(String eventId, Beneficiary woman, JsonNode record, String eventType, Instant at) {
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode event : events) {
            String eventId = Envelopes.text(event, "reference_id");
            if (eventId == null || eventId.length() > 200) {
                throw ProblemException.invalid("message.notify_event.reference_id", "validation.dci.notify-event");
            }
            JsonNode data = event.path("data");
            JsonNode records = data.path("reg_records");
            JsonNode record = records.isArray() ? records.path(0) : records;
            String eventType = Envelopes.text(data, "reg_event_type");
            Optional<String> code = nationalCode(record);
            Beneficiary woman = code.<Beneficiary>flatMap(c -> Beneficiary.find("nationalCode", c)
                .firstResultOptional()).filter(b -> !b.isMerged()).orElse(null);
            if (woman == null) {
                throw refused(sender, "dci-notify-woman", 404, eventId);
            }
            boolean subscribed = RemoteSubscription.<RemoteSubscription>list(
                    "clientId = ?1 and nationalCode = ?2 and eventType = ?3", sender, woman.nationalCode,
                    eventType == null ? "" : eventType).stream().anyMatch(RemoteSubscription::live);
            if (!subscribed) {
                throw refused(sender, "dci-notify-not-subscribed", 403, eventId);
            }
            items.add(new Item(eventId, woman, record, eventType, instant(Envelopes.text(event, "timestamp"), now)));
        }
        for (Item item : items) {
            if (ReceivedEvent.count("clientId = ?1 and eventId = ?2", sender, item.eventId()) > 0) {
                continue;
            }
            String reference = "dci-notify:" + sender + "/" + item.eventId();
            List<String> made = new ArrayList<>();
            for (AgencySupportDtos.SupportInput in : supportOf(item.record(), agency, item.at(),
                    reference)) {
                made.add(support.reported(item.woman().id, in, "agency:" + sender, reference).id.toString());
            }
            ReceivedEvent e = new ReceivedEvent();
            e.id = UUID.randomUUID();
            e.clientId = sender;
            e.eventId = item.eventId();
            e.beneficiaryId = item.woman().id;
            e.supportIds = json.writeValueAsString(made);
            e.receivedAt = now;
            e.persist();
            audit.record(AuditEvent.of("dci.remote.notify.receive", DciSearch.RESOURCE, item.woman().id)
                .withPurpose("dci-social-registry").withDetail("client", sender).withDetail("event", item.eventId())
                .withDetail("eventType", item.eventType() == null ? "" : item.eventType())
                .withDetail("supportRecords", made.size()));
        }
        return ack(now);
    }

    /** The agency's {@code on-subscribe}: confirms (with its code) or refuses the registry's subscription. */
    @Transactional
    public DciDtos.Ack onSubscribe(String body) throws JsonProcessingException {
        RemoteDtos.CallbackEnvelope envelope = envelopes.readSigned(body, RemoteDtos.CallbackEnvelope.class);
        String sender = checkAction(envelope, "on-subscribe");
        JsonNode message = json.valueToTree(envelope.message());
        String transactionId = Envelopes.text(message, "transaction_id");
        RemoteSubscription s = transactionId == null ? null : RemoteSubscription.<RemoteSubscription>find(
            "clientId = ?1 and transactionId = ?2", sender, transactionId).firstResult();
        if (s == null) {
            throw ProblemException.notFound("subscription", transactionId);
        }
        JsonNode result = message.path("subscribe_response").path(0);
        String code = Envelopes.text(result.path("subscriptions").path(0), "code");
        if (s.state == RemoteSubscription.State.REQUESTED) {
            boolean ok = "succ".equals(Envelopes.text(result, "status")) && code != null;
            state(s.id, ok ? RemoteSubscription.State.ACTIVE : RemoteSubscription.State.REJECTED, ok ? code : null);
            audit.record(AuditEvent.of("dci.remote.on-subscribe", DciSearch.RESOURCE, s.beneficiaryId)
                .withPurpose("dci-social-registry").withDetail("client", sender)
                .withDetail("subscription", s.id.toString()).withDetail("state", s.state.name()));
        }
        return ack(Instant.now(clock));
    }

    /** The agency's {@code on-unsubscribe}: the codes it ended are ended here too. */
    @Transactional
    public DciDtos.Ack onUnsubscribe(String body) throws JsonProcessingException {
        RemoteDtos.CallbackEnvelope envelope = envelopes.readSigned(body, RemoteDtos.CallbackEnvelope.class);
        String sender = checkAction(envelope, "on-unsubscribe");
        JsonNode message = json.valueToTree(envelope.message());
        for (JsonNode status : list(message.path("subscription_status"))) {
            String code = Envelopes.text(status, "code");
            if (code == null || !"unsubscribe".equals(Envelopes.text(status, "status"))) {
                continue;
            }
            for (RemoteSubscription s : RemoteSubscription.<RemoteSubscription>list("clientId = ?1 and code = ?2",
                    sender, code)) {
                if (s.state != RemoteSubscription.State.UNSUBSCRIBED) {
                    state(s.id, RemoteSubscription.State.UNSUBSCRIBED, null);
                    audit.record(AuditEvent.of("dci.remote.on-unsubscribe", DciSearch.RESOURCE, s.beneficiaryId)
                        .withPurpose("dci-social-registry").withDetail("client", sender)
                        .withDetail("subscription", s.id.toString()));
                }
            }
        }
        return ack(Instant.now(clock));
    }

    // ---- the parts ---------------------------------------------------------------------------------------------

    /**
     * The checks before her national code leaves for the agency, and the disclosure log entry that records it,
     * committed before anything is sent: the caller may see her, the agency's registry is configured and on its
     * allow-list, she may be released to an agency at all ({@link AgencyRelease}: in no sensitive cohort, not
     * merged away) and her consent covers the agency. One refusal for all of these, so that it says nothing of
     * a cohort to a caller who may not know of it.
     */
    private Outgoing disclose(String clientId, UUID beneficiaryId, Caller caller, String path, String what,
            String reference) {
        Outgoing out = QuarkusTransaction.requiringNew().call(() -> {
            Beneficiary woman = beneficiaries.readable(beneficiaryId, caller);
            RemoteRegistry r = RemoteRegistry.findById(clientId);
            Agency agency = directory.agencyOf(clientId);
            if (r == null || agency == null) {
                throw ProblemException.notFound("agency-registry", clientId);
            }
            URI url = allowed(clientId, r.baseUrl + path);
            // the rule every release to an agency follows (no sensitive cohort, not merged away), then her
            // consent, checked and logged by the disclosure log
            boolean shared = release.releasable(woman.id, agency)
                && disclosures.share(woman.id, ConsentPurpose.SHARE_WITH_AGENCY, agency, what,
                    "agency:" + agency.key() + " (client " + clientId + ")", reference).isPresent();
            return shared ? new Outgoing(r, agency, woman, url) : null;
        });
        if (out == null) {
            QuarkusTransaction.requiringNew().run(() -> audit.record(AuditEvent.of("dci.remote.refuse",
                DciSearch.RESOURCE, beneficiaryId).withOutcome(AuditEvent.Outcome.DENIED)
                .withPurpose("dci-social-registry").withDetail("client", clientId).withDetail("reason", "consent")));
            throw new ProblemException(403, "dci-remote-consent");
        }
        return out;
    }

    private URI allowed(String clientId, String target) {
        return directory.allowedCallback(clientId, target)
            .orElseThrow(() -> new ProblemException(403, "dci-callback-host"));
    }

    /**
     * One signed request to the agency's registry, with the bearer token its gateway gave the registry; the
     * answer's JSON. No answer, or an answer that is no 2xx JSON, is a 502 {@code dci-remote-unavailable}; a
     * signed answer must verify with the agency's key.
     */
    private JsonNode call(Outgoing out, String action, ObjectNode message) {
        RemoteRegistry r = out.registry();
        ObjectNode header = json.createObjectNode();
        header.put("version", "1.0.0");
        header.put("message_id", UUID.randomUUID().toString());
        header.put("message_ts", Instant.now(clock).toString());
        header.put("action", action);
        header.put("sender_id", Envelopes.RECEIVER);
        if (r.senderUri != null) {
            header.put("sender_uri", r.senderUri);
        }
        header.put("receiver_id", r.clientId);
        header.put("total_count", 1);
        header.put("is_msg_encrypted", false);
        ObjectNode body = json.createObjectNode();
        body.put("signature", signingKey.sign(header, message));
        body.set("header", header);
        body.set("message", message);
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(out.url()).timeout(config.callbacks().timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            seal.open(r.clientId, r.accessToken).ifPresent(t -> request.header("Authorization", "Bearer " + t));
            response = http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProblemException(502, "dci-remote-unavailable").with("httpStatus", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(502, "dci-remote-unavailable").with("httpStatus", 0);
        }
        int status = response.statusCode();
        JsonNode answer;
        try {
            answer = status >= 200 && status < 300 ? json.readTree(response.body()) : null;
        } catch (JsonProcessingException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new ProblemException(502, "dci-remote-unavailable").with("httpStatus", status);
        }
        if (Signatures.looksSigned(answer.path("signature").asText(null))) {
            signatures.verifySigned(r.clientId, answer);
        }
        return answer;
    }

    /** The header's action must be the endpoint's; the sender is the agency (its signature was verified). */
    private static String checkAction(RemoteDtos.CallbackEnvelope envelope, String action) {
        if (!action.equals(envelope.header().action())) {
            throw ProblemException.invalid("header.action", "validation.dci.action", action);
        }
        return envelope.header().senderId();
    }

    private ProblemException refused(String sender, String type, int status, String eventId) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditEvent.of("dci.remote.notify.refuse",
            RESOURCE, sender).withOutcome(AuditEvent.Outcome.DENIED).withDetail("reason", type)
            .withDetail("event", eventId)));
        return new ProblemException(status, type);
    }

    /**
     * What an event says the agency gives her: each item of her record's {@code support} list (this registry's
     * extension of the Person record: {@code kind}, {@code amount_rials} or {@code in_kind_description},
     * {@code from}, {@code to}); without one, nothing: that she is in the agency's register is not support she
     * receives, and a record of it would be counted in the totals and figures as if it were.
     */
    private List<AgencySupportDtos.SupportInput> supportOf(JsonNode record, Agency agency, Instant at,
            String reference) {
        AgencyRef ref = AgencyRef.of(agency);
        LocalDate month = Tehran.dayOf(at);
        List<AgencySupportDtos.SupportInput> out = new ArrayList<>();
        for (JsonNode s : list(record.path("support"))) {
            Long amount = s.path("amount_rials").isIntegralNumber() ? s.path("amount_rials").asLong() : null;
            out.add(new AgencySupportDtos.SupportInput(ref, kind(s), amount,
                amount == null ? Envelopes.text(s, "in_kind_description") : null, date(s, "from", month),
                date(s, "to", month), AgencySupport.Source.AGENCY, reference));
        }
        return out;
    }

    private static AgencySupport.Kind kind(JsonNode s) {
        try {
            return AgencySupport.Kind.valueOf(s.path("kind").asText("OTHER"));
        } catch (IllegalArgumentException e) {
            return AgencySupport.Kind.OTHER;
        }
    }

    private static LocalDate date(JsonNode s, String field, LocalDate otherwise) {
        String text = Envelopes.text(s, field);
        if (text == null) {
            return otherwise;
        }
        try {
            return ir.tehran.womenfamily.support.jalali.DateInput.parse(text);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("message.notify_event.data.reg_records.support." + field,
                "validation.date");
        }
    }

    private static Optional<String> nationalCode(JsonNode record) {
        JsonNode identifiers = record.path("identifier");
        for (JsonNode id : identifiers.isArray() ? identifiers : List.of(identifiers)) {
            String type = Envelopes.text(id, "identifier_type");
            String value = Envelopes.text(id, "identifier_value");
            if (type != null && value != null && DciSearch.NATIONAL_CODE_TYPES.contains(type.toUpperCase(
                    java.util.Locale.ROOT))) {
                return NationalCode.canonical(value);
            }
        }
        return Optional.empty();
    }

    private static boolean sameWoman(JsonNode record, String nationalCode) {
        return nationalCode(record).map(nationalCode::equals).orElse(false);
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        }
        return out;
    }

    private static void state(UUID id, RemoteSubscription.State state, String code) {
        RemoteSubscription s = RemoteSubscription.findById(id);
        s.state = state;
        if (code != null) {
            s.code = code;
        }
        s.updatedAt = Instant.now();
    }

    private static Instant instant(String text, Instant otherwise) {
        try {
            return text == null ? otherwise : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static DciDtos.Ack ack(Instant now) {
        return new DciDtos.Ack(new DciDtos.AckMessage("ACK", now.toString(), UUID.randomUUID().toString()));
    }

    private static String strip(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean acceptable(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null && uri.getRawUserInfo() == null
                && uri.getRawQuery() == null && uri.getRawFragment() == null
                && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
