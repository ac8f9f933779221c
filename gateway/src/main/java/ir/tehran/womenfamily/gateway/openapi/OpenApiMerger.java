package ir.tehran.womenfamily.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into the gateway's: paths, tags and components.
 * <ul>
 * <li>Only a service's paths under {@code /api/<service>} are taken: the gateway routes nothing else to it, so any
 * other would answer 404 through the gateway.</li>
 * <li>A component identical to one already merged is shared; one that a service defines differently under the
 * same name is renamed with the service's name in front, {@code BazaarStatus} (never a number), and that
 * service's {@code $ref}s are rewritten to match.</li>
 * <li>Security schemes are unified: a service's bearer scheme, whatever its name, is the gateway's
 * {@code bearer}, its OAuth 2 scheme the gateway's {@code oauth2}; its requirements follow.</li>
 * <li>A service's document-wide security requirement is moved onto each of its operations, since the merged
 * document's top level (and its {@code servers}) belongs to the gateway.</li>
 * </ul>
 */
final class OpenApiMerger {

    static final String UNAVAILABLE = "x-unavailable-services";
    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";

    static final List<String> COMPONENT_TYPES = List.of("schemas", "responses", "parameters", "examples",
        "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head",
        "patch", "trace");

    private OpenApiMerger() {
    }

    /** A new document: {@code gateway} with every service document in {@code services} merged in. */
    static ObjectNode merge(ObjectNode gateway, SortedMap<String, JsonNode> services, List<String> unavailable) {
        ObjectNode result = gateway.deepCopy();
        ObjectNode paths = object(result, "paths");
        ObjectNode components = object(result, "components");
        for (Map.Entry<String, JsonNode> entry : services.entrySet()) {
            if (!(entry.getValue() instanceof ObjectNode)) {
                continue;
            }
            ObjectNode doc = (ObjectNode) entry.getValue().deepCopy();
            dropUnroutedPaths(entry.getKey(), doc);
            unifySecuritySchemes(doc);
            Map<String, Map<String, String>> renames = renames(entry.getKey(), components, doc);
            rewriteRefs(doc, renames);
            pushDownSecurity(doc);
            Map<String, String> schemeRenames = renames.getOrDefault("securitySchemes", Map.of());
            if (!schemeRenames.isEmpty()) {
                renameSecurityRequirements(doc, schemeRenames);
            }
            mergeComponents(components, doc, renames);
            mergePaths(paths, doc);
            mergeTags(result, doc);
        }
        ArrayNode down = result.putArray(UNAVAILABLE);
        unavailable.forEach(down::add);
        return result;
    }

    /** For each component type, the names of {@code doc} that clash with {@code merged} and their new names. */
    static Map<String, Map<String, String>> renames(String service, ObjectNode merged, ObjectNode doc) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        JsonNode theirs = doc.path("components");
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String type : COMPONENT_TYPES) {
                JsonNode mine = merged.path(type);
                Map<String, String> typeRenames = renames.computeIfAbsent(type, t -> new HashMap<>());
                Iterator<Map.Entry<String, JsonNode>> fields = theirs.path(type).fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> component = fields.next();
                    String name = component.getKey();
                    JsonNode existing = mine.get(name);
                    if (existing == null || typeRenames.containsKey(name)) {
                        continue;
                    }
                    JsonNode candidate = component.getValue().deepCopy();
                    rewriteRefs(candidate, renames);
                    if (!existing.equals(candidate)) {
                        typeRenames.put(name, freeName(mine, service, name));
                        changed = true;
                    }
                }
            }
        }
        renames.values().removeIf(Map::isEmpty);
        return renames;
    }

    /** {@code BazaarStatus}; {@code BazaarServiceStatus} in the unlikely case the gateway has one already. */
    private static String freeName(JsonNode taken, String service, String name) {
        String prefix = Character.toUpperCase(service.charAt(0)) + service.substring(1);
        String wanted = prefix + name;
        if (!taken.has(wanted)) {
            return wanted;
        }
        String second = prefix + "Service" + name;
        if (!taken.has(second)) {
            return second;
        }
        throw new IllegalStateException("no free name for " + service + "'s " + name);
    }

    /** The gateway routes {@code /api/<service>} and below to a service, nothing else. */
    static void dropUnroutedPaths(String service, ObjectNode doc) {
        JsonNode paths = doc.get("paths");
        if (paths instanceof ObjectNode object) {
            String prefix = "/api/" + service;
            List<String> unrouted = new ArrayList<>();
            object.fieldNames().forEachRemaining(path -> {
                if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
                    unrouted.add(path);
                }
            });
            object.remove(unrouted);
        }
    }

    /**
     * A service's bearer scheme (HTTP bearer) becomes {@code bearer} and its OAuth 2 scheme {@code oauth2}, the
     * gateway's own, whatever the service called them; a bearer requirement lists no scopes.
     */
    static void unifySecuritySchemes(ObjectNode doc) {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        if (!(schemes instanceof ObjectNode declared)) {
            return;
        }
        Map<String, String> renames = new HashMap<>();
        declared.fields().forEachRemaining(e -> {
            JsonNode scheme = e.getValue();
            if ("http".equals(scheme.path("type").asText())
                    && "bearer".equalsIgnoreCase(scheme.path("scheme").asText())) {
                renames.put(e.getKey(), BEARER);
            } else if ("oauth2".equals(scheme.path("type").asText())) {
                renames.put(e.getKey(), OAUTH2);
            }
        });
        renames.keySet().forEach(declared::remove);
        for (ObjectNode operation : operations(doc)) {
            renameRequirements(operation.get("security"), renames);
        }
        renameRequirements(doc.get("security"), renames);
    }

    private static void renameRequirements(JsonNode security, Map<String, String> renames) {
        if (!(security instanceof ArrayNode requirements)) {
            return;
        }
        for (int i = 0; i < requirements.size(); i++) {
            if (requirements.get(i) instanceof ObjectNode requirement) {
                ObjectNode renamed = requirement.objectNode();
                requirement.fields().forEachRemaining(e -> {
                    String name = renames.getOrDefault(e.getKey(), e.getKey());
                    renamed.set(name, BEARER.equals(name) ? renamed.arrayNode() : e.getValue());
                });
                requirements.set(i, renamed);
            }
        }
    }

    /** Points every {@code $ref} to a renamed component at its new name. */
    static void rewriteRefs(JsonNode node, Map<String, Map<String, String>> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String renamed = renamedRef(ref.asText(), renames);
                if (renamed != null) {
                    object.put("$ref", renamed);
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static String renamedRef(String ref, Map<String, Map<String, String>> renames) {
        String prefix = "#/components/";
        if (!ref.startsWith(prefix)) {
            return null;
        }
        String rest = ref.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String type = rest.substring(0, slash);
        String name = rest.substring(slash + 1);
        String renamed = renames.getOrDefault(type, Map.of()).get(name);
        return renamed == null ? null : prefix + type + "/" + renamed;
    }

    private static void pushDownSecurity(ObjectNode doc) {
        JsonNode security = doc.remove("security");
        if (security == null || !security.isArray()) {
            return;
        }
        for (ObjectNode operation : operations(doc)) {
            if (!operation.has("security")) {
                operation.set("security", security.deepCopy());
            }
        }
    }

    private static void renameSecurityRequirements(ObjectNode doc, Map<String, String> schemeRenames) {
        for (ObjectNode operation : operations(doc)) {
            JsonNode security = operation.get("security");
            if (security instanceof ArrayNode requirements) {
                for (int i = 0; i < requirements.size(); i++) {
                    if (requirements.get(i) instanceof ObjectNode requirement) {
                        ObjectNode renamed = requirement.objectNode();
                        requirement.fields().forEachRemaining(e ->
                            renamed.set(schemeRenames.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
                        requirements.set(i, renamed);
                    }
                }
            }
        }
    }

    private static List<ObjectNode> operations(ObjectNode doc) {
        List<ObjectNode> operations = new ArrayList<>();
        doc.path("paths").elements().forEachRemaining(pathItem -> pathItem.fields().forEachRemaining(e -> {
            if (OPERATIONS.contains(e.getKey()) && e.getValue() instanceof ObjectNode operation) {
                operations.add(operation);
            }
        }));
        return operations;
    }

    private static void mergeComponents(ObjectNode components, ObjectNode doc,
            Map<String, Map<String, String>> renames) {
        for (String type : COMPONENT_TYPES) {
            JsonNode theirs = doc.path("components").path(type);
            if (!theirs.isObject() || theirs.isEmpty()) {
                continue;
            }
            ObjectNode mine = object(components, type);
            Map<String, String> typeRenames = renames.getOrDefault(type, Map.of());
            theirs.fields().forEachRemaining(e -> {
                String name = typeRenames.getOrDefault(e.getKey(), e.getKey());
                if (!mine.has(name)) {
                    mine.set(name, e.getValue());
                }
            });
        }
    }

    private static void mergePaths(ObjectNode paths, ObjectNode doc) {
        doc.path("paths").fields().forEachRemaining(e -> {
            JsonNode existing = paths.get(e.getKey());
            if (existing instanceof ObjectNode item && e.getValue() instanceof ObjectNode theirs) {
                theirs.fields().forEachRemaining(op -> {
                    if (!item.has(op.getKey())) {
                        item.set(op.getKey(), op.getValue());
                    }
                });
            } else if (existing == null) {
                paths.set(e.getKey(), e.getValue());
            }
        });
    }

    private static void mergeTags(ObjectNode result, ObjectNode doc) {
        JsonNode theirs = doc.path("tags");
        if (!theirs.isArray() || theirs.isEmpty()) {
            return;
        }
        JsonNode existing = result.get("tags");
        ArrayNode tags = existing instanceof ArrayNode array ? array : result.putArray("tags");
        Set<String> names = new HashSet<>();
        tags.elements().forEachRemaining(tag -> names.add(tag.path("name").asText()));
        theirs.elements().forEachRemaining(tag -> {
            if (names.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(field);
    }
}
