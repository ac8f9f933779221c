package ir.tehran.womenfamily.registry.dci;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentRegister;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import ir.tehran.womenfamily.support.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The DCI agency directory, the one place that says which gateway client is which agency (its kind, or its
 * name as a woman's consent names it), which Ed25519 public keys sign its messages, and where its callbacks may
 * go. Every need-to-know check of an agency (the DCI search, the enrolment check) asks {@link #agencyOf}; the
 * callback delivery asks {@link #allowedCallback}. Changes are made by an admin and audited.
 */
@ApplicationScoped
public class AgencyDirectory {

    static final String RESOURCE = "dci.agency";
    private static final TypeReference<List<String>> URLS = new TypeReference<>() { };
    private static final TypeReference<List<AgencyDtos.AgencyKey>> KEYS = new TypeReference<>() { };

    @Inject
    ObjectMapper json;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** The agency a client is, or null when the client is no agency of the directory. */
    @Transactional
    public Agency agencyOf(String clientId) {
        if (clientId == null) {
            return null;
        }
        DciAgency a = DciAgency.findById(clientId);
        return a == null ? null : ConsentRegister.agencyOf(a.agency);
    }

    /** The agency of a client, as the admin API shows it. */
    @Transactional
    public Optional<AgencyDtos.AgencyView> find(String clientId) {
        return Optional.ofNullable(DciAgency.<DciAgency>findById(clientId)).map(this::view);
    }

    /** Every agency, by client id. */
    @Transactional
    public List<AgencyDtos.AgencyView> list() {
        return DciAgency.<DciAgency>listAll(io.quarkus.panache.common.Sort.by("clientId")).stream()
            .map(this::view).toList();
    }

    /**
     * Records or replaces an agency (an admin's act, audited). Every callback URL must be an absolute
     * {@code http(s)} URL with a host and nothing else (no user info, query or fragment); every key must be an
     * Ed25519 public key with {@code validFrom} before {@code validUntil}. {@code ifMatch}, when given, must be
     * the version the admin read.
     */
    @Transactional
    public AgencyDtos.AgencyView put(String clientId, AgencyDtos.AgencyChange change, String ifMatch) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < change.callbackBaseUrls().size(); i++) {
            urls.add(baseUrl(change.callbackBaseUrls().get(i), "callbackBaseUrls[" + i + "]").toString());
        }
        for (int i = 0; i < change.keys().size(); i++) {
            AgencyDtos.AgencyKey key = change.keys().get(i);
            try {
                Ed25519Keys.publicKey(key.publicKey());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("keys[" + i + "].publicKey", "validation.dci.public-key");
            }
            if (key.validFrom() != null && key.validUntil() != null && !key.validFrom().isBefore(key.validUntil())) {
                throw ProblemException.invalid("keys[" + i + "].validUntil", "validation.dci.key-validity");
            }
            if (change.keys().stream().filter(k -> k.keyId().equals(key.keyId())).count() > 1) {
                throw ProblemException.invalid("keys[" + i + "].keyId", "validation.dci.key-id-duplicate");
            }
        }
        DciAgency a = DciAgency.findById(clientId);
        boolean created = a == null;
        if (created) {
            a = new DciAgency();
            a.clientId = clientId;
        } else if (ifMatch != null) {
            Versions.check(ifMatch, a.version);
        }
        a.agency = change.agency().strip();
        a.name = change.name();
        a.callbackBaseUrls = write(urls);
        a.keys = write(change.keys());
        a.updatedAt = Instant.now(clock);
        a.updatedBy = callers.current().subject();
        a.persistAndFlush();
        audit.record(AuditEvent.of(created ? "dci.agency.create" : "dci.agency.update", RESOURCE, clientId)
            .withDetail("agency", a.agency).withDetail("callbackOrigins", String.join(" ", urls.stream()
                .map(u -> origin(URI.create(u))).distinct().toList()))
            .withDetail("keys", String.join(" ", change.keys().stream().map(AgencyDtos.AgencyKey::keyId).toList())));
        return view(a);
    }

    /** Removes an agency from the directory: its client is no agency any more (audited). */
    @Transactional
    public void delete(String clientId) {
        if (!DciAgency.deleteById(clientId)) {
            throw ProblemException.notFound("agency", clientId);
        }
        audit.record(AuditEvent.of("dci.agency.delete", RESOURCE, clientId));
    }

    /** The agency's public keys valid at {@code at}, by key id. */
    @Transactional
    public Optional<PublicKey> key(String clientId, String keyId, Instant at) {
        DciAgency a = DciAgency.findById(clientId);
        if (a == null) {
            return Optional.empty();
        }
        return read(a.keys, KEYS).stream().filter(k -> k.keyId().equals(keyId))
            .filter(k -> k.validFrom() == null || !at.isBefore(k.validFrom()))
            .filter(k -> k.validUntil() == null || at.isBefore(k.validUntil()))
            .findFirst().map(k -> Ed25519Keys.publicKey(k.publicKey()));
    }

    /**
     * Where a callback to the agency goes: {@code target} is an absolute URL (a DCI {@code sender_uri} joined
     * with a path) or a path below the agency's first callback base URL. Empty when the URL's scheme, host and
     * port are not on the agency's allow-list (the origins of its callback base URLs), or the agency is unknown.
     */
    @Transactional
    public Optional<URI> allowedCallback(String clientId, String target) {
        DciAgency a = clientId == null ? null : DciAgency.findById(clientId);
        if (a == null || target == null) {
            return Optional.empty();
        }
        List<String> bases = read(a.callbackBaseUrls, URLS);
        URI uri;
        try {
            if (target.startsWith("/")) {
                if (bases.isEmpty()) {
                    return Optional.empty();
                }
                String base = bases.get(0);
                uri = new URI(base.endsWith("/") ? base.substring(0, base.length() - 1) + target : base + target);
            } else {
                uri = new URI(target);
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!acceptable(uri)) {
            return Optional.empty();
        }
        String origin = origin(uri);
        return bases.stream().anyMatch(b -> origin.equals(origin(URI.create(b)))) ? Optional.of(uri.normalize())
            : Optional.empty();
    }

    /** {@code scheme://host:port} with the scheme's default port made explicit and the host in lower case. */
    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static boolean acceptable(URI uri) {
        return uri.isAbsolute() && uri.getHost() != null && uri.getRawUserInfo() == null
            && uri.getRawFragment() == null
            && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
    }

    private static URI baseUrl(String text, String field) {
        try {
            URI uri = new URI(text.strip());
            if (!acceptable(uri) || uri.getRawQuery() != null) {
                throw ProblemException.invalid(field, "validation.dci.callback-url");
            }
            return uri.normalize();
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "validation.dci.callback-url");
        }
    }

    private AgencyDtos.AgencyView view(DciAgency a) {
        return new AgencyDtos.AgencyView(a.clientId, a.agency, a.name, read(a.callbackBaseUrls, URLS),
            read(a.keys, KEYS), a.version, a.updatedAt, a.updatedBy);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dci_agency holds malformed JSON", e);
        }
    }
}
