package ir.tehran.womenfamily.registry.dci;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;

/** The checks every DCI envelope passes, and the small readers of its JSON. */
final class Envelopes {

    /** This registry's id as a DCI receiver and sender. */
    static final String RECEIVER = "registry.women-family.tehran.ir";

    private Envelopes() {
    }

    /**
     * The header must name the operation's action, and its {@code sender_id} must be the calling client: an
     * agency speaks only for itself. An encrypted message is not accepted (no agency has an encryption key).
     */
    static void checkHeader(DciDtos.MsgHeader header, String action, Caller caller) {
        if (!action.equals(header.action())) {
            throw ProblemException.invalid("header.action", "validation.dci.action", action);
        }
        if (Boolean.TRUE.equals(header.isMsgEncrypted())) {
            throw ProblemException.invalid("header.is_msg_encrypted", "validation.dci.encrypted");
        }
        if (caller.clientId() == null || !caller.clientId().equals(header.senderId())) {
            throw new ProblemException(403, "dci-sender");
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** The ISO 639-3 locale of a request: {@code eng} for English, anything else Persian. */
    static Locale locale(JsonNode locale) {
        return locale.isTextual() && "eng".equals(locale.asText()) ? Locale.ENGLISH : Locale.forLanguageTag("fa-IR");
    }

    static String localeCode(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "eng" : "fas";
    }
}
