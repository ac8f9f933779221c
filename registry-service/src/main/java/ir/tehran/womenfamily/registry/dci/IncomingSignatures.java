package ir.tehran.womenfamily.registry.dci;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Verifies the signature of an incoming DCI envelope ({@link Signatures} for the format). An envelope is
 * <em>unsigned</em> when its {@code signature} is absent or starts with {@code unsigned} (the conformance suite's
 * {@code unsigned-stub}); an unsigned envelope is accepted on the strength of the caller's token only while the
 * agency has no key in the directory and {@code registry.dci.signature-required} is false. Anything else must be
 * a valid signature: by the sender itself ({@code kidId}'s sender is the header's {@code sender_id}), with one of
 * its keys valid now, Ed25519 over the canonical {@code {header, message}}, {@code created} not after now plus the
 * clock skew, {@code expires} not before now minus it, and a window no longer than the configured maximum.
 * A refusal is a 401 problem ({@code dci-signature-missing}, {@code dci-signature-invalid},
 * {@code dci-signature-expired}) carrying the DCI error code ({@code err.signature.missing} or
 * {@code err.signature.invalid}), and is audited.
 */
@ApplicationScoped
public class IncomingSignatures {

    static final String RESOURCE = "dci.signature";

    @Inject
    AgencyDirectory directory;

    @Inject
    DciConfig config;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** Verifies an envelope as the agency sent it (its JSON) for its caller; a refusal is thrown. */
    public void verify(String callerClientId, JsonNode body) {
        verify(callerClientId, body, false);
    }

    /**
     * Verifies an envelope that comes with no token (an agency's callback to the registry as its subscriber or
     * client): the signature is what authenticates it, so it must be there and valid for {@code senderId}, an
     * agency of the directory.
     */
    public void verifySigned(String senderId, JsonNode body) {
        verify(senderId, body, true);
    }

    private void verify(String callerClientId, JsonNode body, boolean signatureOnly) {
        JsonNode signatureNode = body.path("signature");
        String signature = signatureNode.isTextual() ? signatureNode.asText() : null;
        boolean unsigned = signatureNode.isMissingNode() || signatureNode.isNull()
            || signature != null && signature.startsWith("unsigned");
        if (unsigned) {
            if (signatureOnly || config.signatureRequired() || directory.hasKeys(callerClientId)) {
                throw refused(callerClientId, "dci-signature-missing", "err.signature.missing", "unsigned");
            }
            return;
        }
        Signatures.Parsed parsed;
        try {
            parsed = Signatures.parse(signature);
        } catch (IllegalArgumentException e) {
            throw refused(callerClientId, "dci-signature-invalid", "err.signature.invalid", "malformed");
        }
        String sender = body.path("header").path("sender_id").asText(null);
        if (!parsed.senderId().equals(sender) || !parsed.senderId().equals(callerClientId)) {
            throw refused(callerClientId, "dci-signature-invalid", "err.signature.invalid", "another sender");
        }
        Instant now = Instant.now(clock);
        long skew = config.clockSkew().getSeconds();
        if (parsed.expires() <= parsed.created()
                || parsed.expires() - parsed.created() > config.maxSignatureValidity().getSeconds()
                || parsed.created() > now.getEpochSecond() + skew) {
            throw refused(callerClientId, "dci-signature-invalid", "err.signature.invalid", "validity window");
        }
        if (parsed.expires() < now.getEpochSecond() - skew) {
            throw refused(callerClientId, "dci-signature-expired", "err.signature.invalid", "expired");
        }
        Optional<PublicKey> key = directory.key(callerClientId, parsed.keyId(), now);
        if (key.isEmpty()) {
            throw refused(callerClientId, "dci-signature-invalid", "err.signature.invalid", "unknown or expired key");
        }
        if (!Signatures.verify(parsed, body.path("header"), body.path("message"), key.get())) {
            throw refused(callerClientId, "dci-signature-invalid", "err.signature.invalid", "does not verify");
        }
    }

    private ProblemException refused(String client, String type, String code, String reason) {
        // the refusal is recorded although the request fails
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditEvent.of("dci.signature.refuse", RESOURCE,
            client).withOutcome(AuditEvent.Outcome.DENIED).withDetail("reason", reason)));
        return new ProblemException(401, type).with("code", code);
    }
}
