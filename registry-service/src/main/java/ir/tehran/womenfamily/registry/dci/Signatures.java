package ir.tehran.womenfamily.registry.dci;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DCI message signatures, in the form of the spec's {@code MsgSignature}:
 * {@code Signature: namespace="spdci", kidId="{sender_id}|{key_id}|ed25519", algorithm="ed25519",
 * created="<unix seconds>", expires="<unix seconds>", headers="(created) (expires) digest",
 * signature="<base64>"}. The signed content is
 * {@code "(created): <created>\n(expires): <expires>\ndigest: SHA-256=<base64 SHA-256 of the canonical body>"},
 * the canonical body being {@code {"header": ..., "message": ...}} as JSON with every object's keys in code-point
 * order and no white space (numbers as written). The signature is Ed25519 over those bytes.
 */
public final class Signatures {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("([a-zA-Z]+)=\"([^\"]*)\"");

    private Signatures() {
    }

    /** A parsed {@code Signature:} value. */
    public record Parsed(String senderId, String keyId, String algorithm, long created, long expires,
            byte[] signature) {
    }

    /** Whether the text claims to be a signature at all (anything else is an unsigned envelope). */
    public static boolean looksSigned(String signature) {
        return signature != null && signature.strip().regionMatches(true, 0, "Signature:", 0, 10);
    }

    /** The parsed signature, or {@link IllegalArgumentException} when it is malformed. */
    public static Parsed parse(String signature) {
        if (!looksSigned(signature)) {
            throw new IllegalArgumentException("no Signature:");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(signature.strip().substring(10));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String[] kid = params.getOrDefault("kidId", "").split("\\|");
        if (kid.length != 3 || !"ed25519".equalsIgnoreCase(params.get("algorithm"))
                || !"ed25519".equalsIgnoreCase(kid[2]) || !params.containsKey("signature")) {
            throw new IllegalArgumentException("kidId, algorithm or signature");
        }
        try {
            return new Parsed(kid[0], kid[1], "ed25519", Long.parseLong(params.get("created")),
                Long.parseLong(params.get("expires")), Base64.getDecoder().decode(params.get("signature")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("created, expires or signature", e);
        }
    }

    /** Signs {@code {header, message}} for a sender and key. */
    public static String sign(JsonNode header, JsonNode message, String senderId, String keyId, PrivateKey key,
            long created, long expires) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(content(header, message, created, expires));
            String value = Base64.getEncoder().encodeToString(s.sign());
            return "Signature: namespace=\"spdci\", kidId=\"" + senderId + "|" + keyId + "|ed25519\", "
                + "algorithm=\"ed25519\", created=\"" + created + "\", expires=\"" + expires + "\", "
                + "headers=\"(created) (expires) digest\", signature=\"" + value + "\"";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether the signature is Ed25519 by {@code key} over this {@code {header, message}}. */
    public static boolean verify(Parsed parsed, JsonNode header, JsonNode message, PublicKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(content(header, message, parsed.created(), parsed.expires()));
            return s.verify(parsed.signature());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] content(JsonNode header, JsonNode message, long created, long expires) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(header, message));
            return ("(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256="
                + Base64.getEncoder().encodeToString(digest)).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical bytes of {@code {"header": ..., "message": ...}}. */
    public static byte[] canonical(JsonNode header, JsonNode message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("header", header == null ? JsonNodeFactory.instance.nullNode() : header);
        body.set("message", message == null ? JsonNodeFactory.instance.nullNode() : message);
        try {
            return PLAIN.writeValueAsBytes(sorted(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            names.sort(String::compareTo);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }
}
