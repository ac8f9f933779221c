package ir.tehran.womenfamily.registry.dci;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.consent.DisclosureLog;
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
 * Answers a DCI search for an agency. A woman is found by her national code (the {@code idtype-value} query,
 * or an {@code expression} or {@code predicate} whose every condition is {@code national_code eq ...}), and
 * released only when her active {@code SHARE_WITH_AGENCY} consent covers the calling agency (the client's
 * agency, as the {@link AgencyDirectory} names it) and she is in no sensitive cohort ({@link AgencyRelease}): a
 * woman without it is answered exactly like a woman who is not here. Each record released goes into her
 * disclosure log and the audit log; each request is audited with what it asked and how many records it released.
 */
@ApplicationScoped
public class DciSearch {

    public static final String RESOURCE = "beneficiary.dci";
    static final String REQUEST_RESOURCE = "dci.search";
    static final String WHAT = "dci-person: national code, name, birth date";
    static final int MAX_PAGE_SIZE = 100;
    static final Set<String> NATIONAL_CODE_TYPES = Set.of("NATIONAL_CODE", "NIN", "UIN");
    static final Set<String> NATIONAL_CODE_ATTRIBUTES = Set.of("national_code", "identifier", "nin", "uin");
    static final Set<String> SORTABLE = Set.of("national_code", "birth_date", "given_name", "surname");

    @Inject
    ObjectMapper json;

    @Inject
    AgencyRelease release;

    @Inject
    DisclosureLog disclosures;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    AgencyDirectory agencies;

    @Inject
    Clock clock;

    @Inject
    DciCallbacks callbacks;

    @Inject
    DciTransactions transactions;

    /** The sync search: every item of {@code search_request} answered, the header's status over all of them. */
    @Transactional
    public DciDtos.SearchResponseEnvelope search(DciDtos.SearchEnvelope request) {
        Caller caller = callers.current();
        Envelopes.checkHeader(request.header(), "search", caller);
        DciDtos.SearchResponseEnvelope answer = answer(request, caller, UUID.randomUUID().toString());
        transactions.record(caller.clientId(), answer.message().transactionId(), "search",
            answer.message().correlationId(), request.header().messageId(), answer.header().status(),
            answer.message().searchResponse(), null);
        return answer;
    }

    /**
     * The async search: checked like the sync one, answered with an ACK, and its {@code on-search} queued as a
     * signed callback to the header's {@code sender_uri}, which must be on the agency's allow-list (a 403
     * {@code dci-callback-host} otherwise, and nothing is searched).
     */
    @Transactional
    public DciDtos.Ack searchAsync(DciDtos.SearchEnvelope request) {
        Caller caller = callers.current();
        Envelopes.checkHeader(request.header(), "search", caller);
        String target = callbackTarget(request.header(), "/registry/on-search");
        if (!callbacks.allowed(caller.clientId(), target)) {
            throw new ProblemException(403, "dci-callback-host");
        }
        String correlationId = UUID.randomUUID().toString();
        DciDtos.SearchResponseEnvelope answer = answer(request, caller, correlationId);
        UUID callback = callbacks.send(caller.clientId(), target, answer, released(answer));
        transactions.record(caller.clientId(), answer.message().transactionId(), "search", correlationId,
            request.header().messageId(), answer.header().status(), answer.message().searchResponse(), callback);
        return ack(correlationId);
    }

    /** The women an answer releases (by the national codes of its records), checked again when it is sent. */
    private static List<UUID> released(DciDtos.SearchResponseEnvelope answer) {
        return answer.message().searchResponse().stream().filter(r -> r.data() != null)
            .flatMap(r -> r.data().regRecords().stream())
            .flatMap(p -> Beneficiary.<Beneficiary>find("nationalCode", p.identifier().identifierValue())
                .firstResultOptional().stream())
            .map(b -> b.id).distinct().toList();
    }

    /** The sync txn status: the agency's own transaction, its items' statuses and no record. */
    @Transactional
    public DciDtos.TxnStatusResponseEnvelope txnStatus(DciDtos.TxnStatusEnvelope request) {
        Caller caller = callers.current();
        Envelopes.checkHeader(request.header(), "txn-status", caller);
        return status(request, caller, UUID.randomUUID().toString());
    }

    /** The async txn status: an ACK, and the {@code txn-on-status} as a signed callback to {@code sender_uri}. */
    @Transactional
    public DciDtos.Ack txnStatusAsync(DciDtos.TxnStatusEnvelope request) {
        Caller caller = callers.current();
        Envelopes.checkHeader(request.header(), "txn-status", caller);
        String target = callbackTarget(request.header(), "/registry/txn/on-status");
        if (!callbacks.allowed(caller.clientId(), target)) {
            throw new ProblemException(403, "dci-callback-host");
        }
        String correlationId = UUID.randomUUID().toString();
        callbacks.send(caller.clientId(), target, status(request, caller, correlationId));
        return ack(correlationId);
    }

    private DciDtos.TxnStatusResponseEnvelope status(DciDtos.TxnStatusEnvelope request, Caller caller,
            String correlationId) {
        JsonNode message = json.valueToTree(request.message());
        String transactionId = Envelopes.text(message, "transaction_id");
        if (transactionId == null || transactionId.length() > 99) {
            throw ProblemException.invalid("message.transaction_id", "validation.dci.transaction-id");
        }
        JsonNode asked = message.path("txnstatus_request");
        String attributeType = Envelopes.text(asked, "attribute_type");
        String value = Envelopes.text(asked, "attribute_value");
        if (!asked.isObject() || value == null
                || !Set.of("transaction_id", "correlation_id").contains(attributeType)) {
            throw ProblemException.invalid("message.txnstatus_request", "validation.dci.txn-status");
        }
        Optional<DciTransactions.Txn> txn = transactions.find(caller.clientId(), attributeType, value);
        audit.record(AuditEvent.of("dci.txn-status", REQUEST_RESOURCE, transactionId)
            .withPurpose("dci-social-registry").withDetail("sender", request.header().senderId())
            .withDetail("asked", attributeType + "=" + value).withDetail("found", txn.isPresent()));
        Locale locale = Envelopes.locale(asked.path("locale"));
        DciDtos.CallbackHeader header = new DciDtos.CallbackHeader("1.0.0", UUID.randomUUID().toString(),
            Instant.now(clock).toString(), "txn-on-status", txn.isPresent() ? "succ" : "rjct", null,
            txn.isPresent() ? null : Messages.get(locale, "dci.reason.txn.not-found"), 1, 1, Envelopes.RECEIVER,
            request.header().senderId(), false);
        DciDtos.SearchResponse status = txn.map(t -> new DciDtos.SearchResponse(t.transactionId(),
                t.correlationId(), t.items()))
            .orElse(notFound(attributeType, value));
        return new DciDtos.TxnStatusResponseEnvelope(null, header, new DciDtos.TxnStatusResponse(transactionId,
            correlationId, new DciDtos.TxnStatus(txn.map(DciTransactions.Txn::action).orElse("search"), status)));
    }

    /**
     * The status of a transaction not found: the id asked for, and an empty string for the one not known (the
     * spec's {@code txn_status} requires both {@code transaction_id} and {@code correlation_id} as strings).
     */
    private static DciDtos.SearchResponse notFound(String attributeType, String value) {
        boolean byTransaction = "transaction_id".equals(attributeType);
        return new DciDtos.SearchResponse(byTransaction ? value : "", byTransaction ? "" : value, List.of());
    }

    /**
     * Where a callback goes: the header's {@code sender_uri} itself when it already ends with the callback's
     * path (as the conformance suite sends it), or {@code sender_uri} followed by the path.
     */
    static String callbackTarget(DciDtos.MsgHeader header, String path) {
        String uri = header.senderUri();
        if (uri == null || uri.isBlank()) {
            throw ProblemException.invalid("header.sender_uri", "validation.dci.sender-uri");
        }
        String base = uri.strip();
        if (base.endsWith(path)) {
            return base;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    private DciDtos.Ack ack(String correlationId) {
        return new DciDtos.Ack(new DciDtos.AckMessage("ACK", Instant.now(clock).toString(), correlationId));
    }

    private DciDtos.SearchResponseEnvelope answer(DciDtos.SearchEnvelope request, Caller caller,
            String correlationId) {
        DciDtos.MsgHeader header = request.header();
        JsonNode message = json.valueToTree(request.message());
        JsonNode items = message.path("search_request");
        if (!message.isObject() || !items.isArray() || items.isEmpty()) {
            throw ProblemException.invalid("message.search_request", "validation.dci.search-request");
        }
        String transactionId = Envelopes.text(message, "transaction_id");
        if (transactionId == null || transactionId.length() > 99) {
            throw ProblemException.invalid("message.transaction_id", "validation.dci.transaction-id");
        }
        if (items.size() > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("message.search_request", "validation.dci.too-many");
        }
        Agency agency = agencies.agencyOf(caller.clientId());
        Set<String> references = new HashSet<>();
        List<DciDtos.SearchResult> results = new ArrayList<>();
        int released = 0;
        for (JsonNode item : items) {
            DciDtos.SearchResult result = answer(item, references, agency, caller, transactionId);
            released += result.data() == null ? 0 : result.data().regRecords().size();
            results.add(result);
        }
        long rejected = results.stream().filter(r -> "rjct".equals(r.status())).count();
        audit.record(AuditEvent.of("dci.search", REQUEST_RESOURCE, transactionId)
            .withPurpose("dci-social-registry").withDetail("sender", header.senderId())
            .withDetail("messageId", header.messageId()).withDetail("requests", items.size())
            .withDetail("rejected", rejected).withDetail("released", released));
        String status = rejected == results.size() ? "rjct" : "succ";
        DciDtos.CallbackHeader answerHeader = new DciDtos.CallbackHeader("1.0.0", UUID.randomUUID().toString(),
            Instant.now(clock).toString(), "on-search", status, null, null, results.size(), results.size(),
            Envelopes.RECEIVER, header.senderId(), false);
        return new DciDtos.SearchResponseEnvelope(null, answerHeader,
            new DciDtos.SearchResponse(transactionId, correlationId, results));
    }

    private DciDtos.SearchResult answer(JsonNode item, Set<String> references, Agency agency, Caller caller,
            String transactionId) {
        String reference = Envelopes.text(item, "reference_id");
        Locale locale = Envelopes.locale(item.path("locale"));
        String localeCode = Envelopes.localeCode(locale);
        String now = Instant.now(clock).toString();
        if (reference == null) {
            return rejected("", now, "rjct.reference_id.invalid", locale, localeCode);
        }
        if (!references.add(reference)) {
            return rejected(reference, now, "rjct.reference_id.duplicate", locale, localeCode);
        }
        if (!validTimestamp(Envelopes.text(item, "timestamp"))) {
            return rejected(reference, now, "rjct.timestamp.invalid", locale, localeCode);
        }
        JsonNode criteria = item.path("search_criteria");
        Optional<String> code;
        try {
            code = Queries.nationalCode(criteria);
        } catch (IllegalArgumentException e) {
            return rejected(reference, now, "rjct.search_criteria.invalid", locale, localeCode);
        }
        if (!Queries.validSort(criteria.path("sort"), SORTABLE)) {
            return rejected(reference, now, "rjct.sort.invalid", locale, localeCode);
        }
        int[] page = Queries.page(criteria.path("pagination"), MAX_PAGE_SIZE);
        if (page == null) {
            return rejected(reference, now, "rjct.pagination.invalid", locale, localeCode);
        }
        List<Beneficiary> found = new ArrayList<>();
        Optional<String> canonical = code.flatMap(NationalCode::canonical);
        if (canonical.isPresent() && agency != null) {
            Optional<Beneficiary> woman = Beneficiary.find("nationalCode", canonical.get()).firstResultOptional();
            if (woman.isPresent() && release.releasable(woman.get().id, agency)) {
                found.add(woman.get());
            }
        }
        int pageSize = page[0];
        int pageNumber = page[1];
        int from = Math.min(found.size(), (pageNumber - 1) * pageSize);
        int to = Math.min(found.size(), from + pageSize);
        List<DciDtos.Person> records = new ArrayList<>();
        for (Beneficiary b : found.subList(from, to)) {
            String recipient = "agency:" + agency.key() + " (client " + caller.clientId() + ")";
            if (disclosures.share(b.id, ConsentPurpose.SHARE_WITH_AGENCY, agency, WHAT, recipient,
                    "dci:" + transactionId + "/" + reference).isEmpty()) {
                continue;
            }
            audit.record(AuditEvent.of("dci.search.release", RESOURCE, b.id).withPurpose("dci-social-registry")
                .withDetail("transactionId", transactionId).withDetail("referenceId", reference));
            records.add(person(b));
        }
        return new DciDtos.SearchResult(reference, now, "succ", null, null,
            new DciDtos.SearchData("1.0.0", "ns:org:RegistryType:Social", "Person", records),
            new DciDtos.Pagination(pageSize, pageNumber, found.size()), localeCode);
    }

    static DciDtos.Person person(Beneficiary b) {
        return new DciDtos.Person(new DciDtos.Identifier("NATIONAL_CODE", b.nationalCode),
            new DciDtos.Name(b.firstName, b.lastName), b.birthDate == null ? null : b.birthDate.toString());
    }

    private static DciDtos.SearchResult rejected(String reference, String now, String code, Locale locale,
            String localeCode) {
        return new DciDtos.SearchResult(reference, now, "rjct", code, Messages.get(locale, "dci.reason." + code),
            null, null, localeCode);
    }

    private static boolean validTimestamp(String text) {
        if (text == null) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
