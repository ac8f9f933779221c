package ir.tehran.womenfamily.registry.dci;

import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;

/**
 * How every DCI request's envelope is read, once: from the JSON the agency sent, checked (a 400 naming the field),
 * and its signature verified over that JSON as sent ({@link IncomingSignatures}): the typed envelope would no
 * longer be what was signed. Every DCI operation (searches, transaction status, subscriptions) reads through it.
 */
@ApplicationScoped
public class DciEnvelopes {

    @Inject
    IncomingSignatures signatures;

    @Inject
    Callers callers;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    /** The envelope of type {@code type} in {@code body}, checked and verified for the calling client. */
    public <T> T read(String body, Class<T> type) throws JsonProcessingException {
        JsonNode tree = tree(body);
        T envelope = checked(tree, type);
        signatures.verify(callers.current().clientId(), tree);
        return envelope;
    }

    /**
     * The envelope of type {@code type} in {@code body} that an agency sends with no token (a callback to the
     * registry as its client or subscriber): checked, and its signature required and verified for the agency its
     * header's {@code sender_id} names ({@link IncomingSignatures#verifySigned}).
     */
    public <T> T readSigned(String body, Class<T> type) throws JsonProcessingException {
        JsonNode tree = tree(body);
        T envelope = checked(tree, type);
        signatures.verifySigned(tree.path("header").path("sender_id").asText(null), tree);
        return envelope;
    }

    private JsonNode tree(String body) throws JsonProcessingException {
        JsonNode tree = body == null || body.isBlank() ? null : json.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw ProblemException.invalid("body", "validation.dci.envelope");
        }
        return tree;
    }

    private <T> T checked(JsonNode tree, Class<T> type) throws JsonProcessingException {
        T envelope = json.treeToValue(tree, type);
        Set<ConstraintViolation<T>> violations = validator.validate(envelope);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return envelope;
    }
}
