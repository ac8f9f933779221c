package ir.tehran.womenfamily.support.web.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the annotations of each resource must give the document, checked over a served document
 * ({@code /q/openapi?format=json}): every operation has an explicit camelCase {@code operationId}, unique in the
 * document, and no response body is untyped (a media type without a schema, or with the empty schema {}).
 * A service turns the check on with a test:
 *
 * <pre>
 * assertEquals(List.of(), OpenApiChecks.violations(given().get("/q/openapi?format=json").asString()));
 * </pre>
 *
 * or only for some paths with {@link #violations(String, Predicate)}.
 */
public final class OpenApiChecks {

    /** A lower-case first letter, then letters and digits: {@code registerBeneficiary}. */
    public static final Pattern CAMEL_CASE = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
        "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiChecks() {
    }

    /** Every violation in the whole document, one line each; empty when it keeps the rules. */
    public static List<String> violations(String document) {
        return violations(document, path -> true);
    }

    /** The violations of the operations whose path {@code paths} accepts. */
    public static List<String> violations(String document, Predicate<String> paths) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            return List.of("the document is not JSON: " + e.getOriginalMessage());
        }
        List<String> found = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> items = root.path("paths").fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            Iterator<Map.Entry<String, JsonNode>> ops = item.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + item.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (!id.isEmpty()) {
                    String other = ids.putIfAbsent(id, where);
                    if (other != null && paths.test(item.getKey())) {
                        found.add(where + ": operationId " + id + " is also the id of " + other);
                    }
                }
                if (!paths.test(item.getKey())) {
                    continue;
                }
                if (id.isEmpty()) {
                    found.add(where + ": no operationId");
                } else if (!CAMEL_CASE.matcher(id).matches()) {
                    found.add(where + ": operationId " + id + " is not camelCase");
                }
                op.getValue().path("responses").fields().forEachRemaining(response ->
                    response.getValue().path("content").fields().forEachRemaining(media -> {
                        JsonNode schema = media.getValue().get("schema");
                        if (schema == null || schema.isObject() && schema.isEmpty()) {
                            found.add(where + ": response " + response.getKey() + " " + media.getKey()
                                + " has no schema");
                        }
                    }));
            }
        }
        return found;
    }
}
