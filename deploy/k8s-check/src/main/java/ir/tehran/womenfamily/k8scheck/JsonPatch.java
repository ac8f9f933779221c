package ir.tehran.womenfamily.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Patch (RFC 6902) operations {@code add}, {@code remove}, {@code replace} and {@code test}, applied in
 * place. As in Kustomize, {@code replace} and {@code remove} of a missing member are errors, so a patch whose path
 * has a typo fails instead of doing nothing.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, ArrayNode operations) {
        for (JsonNode op : operations) {
            String kind = op.path("op").asText();
            String path = op.path("path").asText();
            String[] tokens = tokens(path);
            JsonNode parent = document;
            for (int i = 0; i < tokens.length - 1; i++) {
                parent = child(parent, tokens[i], path);
            }
            String last = tokens[tokens.length - 1];
            switch (kind) {
                case "add" -> add(parent, last, value(op, path), path);
                case "replace" -> {
                    child(parent, last, path);
                    set(parent, last, value(op, path), path);
                }
                case "remove" -> {
                    child(parent, last, path);
                    if (parent instanceof ObjectNode o) {
                        o.remove(last);
                    } else {
                        ((ArrayNode) parent).remove(Integer.parseInt(last));
                    }
                }
                case "test" -> {
                    if (!child(parent, last, path).equals(value(op, path))) {
                        throw new Kustomize.KustomizeException("patch test failed at " + path);
                    }
                }
                default -> throw new Kustomize.KustomizeException("unsupported patch operation '" + kind + "'");
            }
        }
    }

    private static String[] tokens(String path) {
        if (!path.startsWith("/") || path.length() < 2) {
            throw new Kustomize.KustomizeException("patch path '" + path + "' is not a JSON pointer");
        }
        String[] raw = path.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = raw[i].replace("~1", "/").replace("~0", "~");
        }
        return raw;
    }

    private static JsonNode value(JsonNode op, String path) {
        if (!op.has("value")) {
            throw new Kustomize.KustomizeException("patch operation at " + path + " has no value");
        }
        return op.get("value").deepCopy();
    }

    private static JsonNode child(JsonNode parent, String token, String path) {
        JsonNode c = null;
        if (parent instanceof ObjectNode o) {
            c = o.get(token);
        } else if (parent instanceof ArrayNode a && token.matches("\\d+")) {
            c = a.get(Integer.parseInt(token));
        }
        if (c == null) {
            throw new Kustomize.KustomizeException("patch path " + path + ": no '" + token + "'");
        }
        return c;
    }

    private static void add(JsonNode parent, String token, JsonNode value, String path) {
        if (parent instanceof ObjectNode o) {
            o.set(token, value);
        } else if (parent instanceof ArrayNode a) {
            if ("-".equals(token)) {
                a.add(value);
            } else {
                int index = Integer.parseInt(token);
                if (index > a.size()) {
                    throw new Kustomize.KustomizeException("patch path " + path + ": index out of range");
                }
                a.insert(index, value);
            }
        } else {
            throw new Kustomize.KustomizeException("patch path " + path + ": parent is not a container");
        }
    }

    private static void set(JsonNode parent, String token, JsonNode value, String path) {
        if (parent instanceof ObjectNode o) {
            o.set(token, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(token), value);
        } else {
            throw new Kustomize.KustomizeException("patch path " + path + ": parent is not a container");
        }
    }
}
