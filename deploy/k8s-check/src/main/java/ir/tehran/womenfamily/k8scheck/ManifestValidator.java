package ir.tehran.womenfamily.k8scheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks Kubernetes objects against their API schemas, as the API server would before accepting them.
 *
 * <ul>
 *   <li>Built-in kinds are read by the official Kubernetes Java models ({@code io.kubernetes:client-java-api},
 *       generated from the Kubernetes OpenAPI document), which refuse an unknown field, a missing required field
 *       and a value of the wrong type. The {@code apiVersion} must be the one listed for the kind here.</li>
 *   <li>Operator kinds (Strimzi, CloudNativePG) are checked against the {@code openAPIV3Schema} of their
 *       CustomResourceDefinition, vendored under {@code crd-schemas/} (see the README there for the source, the
 *       licence and what was kept). As in the API server with field validation set to Strict, a field the schema
 *       does not declare is an error unless the schema preserves unknown fields there.</li>
 * </ul>
 */
public final class ManifestValidator {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    /** The built-in kinds this project may use, with the one apiVersion each must have. */
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
        Map.entry("Namespace", "v1"),
        Map.entry("ConfigMap", "v1"),
        Map.entry("Secret", "v1"),
        Map.entry("Service", "v1"),
        Map.entry("ServiceAccount", "v1"),
        Map.entry("Deployment", "apps/v1"),
        Map.entry("StatefulSet", "apps/v1"),
        Map.entry("Job", "batch/v1"),
        Map.entry("CronJob", "batch/v1"),
        Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
        Map.entry("PodDisruptionBudget", "policy/v1"),
        Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
        Map.entry("Ingress", "networking.k8s.io/v1"),
        Map.entry("Role", "rbac.authorization.k8s.io/v1"),
        Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"));

    /** Operator kinds: apiVersion and kind to the vendored schema file. */
    private static final Map<String, String> CUSTOM = Map.of(
        "kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io_v1beta2_kafka.yaml",
        "kafka.strimzi.io/v1beta2 KafkaNodePool", "kafka.strimzi.io_v1beta2_kafkanodepool.yaml",
        "kafka.strimzi.io/v1beta2 KafkaTopic", "kafka.strimzi.io_v1beta2_kafkatopic.yaml",
        "kafka.strimzi.io/v1beta2 KafkaUser", "kafka.strimzi.io_v1beta2_kafkauser.yaml",
        "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io_v1_cluster.yaml");

    private static final Set<String> DROPPED_KEYWORDS = Set.of("description", "x-kubernetes-list-type",
        "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-validations", "default", "format");

    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    /** Every problem with one object, each naming the object; empty when the object is valid. */
    public List<String> validate(JsonNode object) {
        String kind = object.path("kind").asText();
        String apiVersion = object.path("apiVersion").asText();
        String name = object.path("metadata").path("name").asText();
        String id = (kind.isEmpty() ? "?" : kind) + "/" + (name.isEmpty() ? "?" : name);
        List<String> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(id + ": metadata.name is required");
        }
        if (BUILT_IN.containsKey(kind)) {
            if (!BUILT_IN.get(kind).equals(apiVersion)) {
                errors.add(id + ": apiVersion '" + apiVersion + "' (expected " + BUILT_IN.get(kind) + ")");
            } else {
                readAsModel(modelClass(apiVersion, kind), object).ifPresent(e -> errors.add(id + ": " + e));
            }
        } else if (CUSTOM.containsKey(apiVersion + " " + kind)) {
            readAsModel("V1ObjectMeta", object.path("metadata")).ifPresent(e -> errors.add(id + ": metadata: " + e));
            JsonSchema schema = schemas.computeIfAbsent(CUSTOM.get(apiVersion + " " + kind), this::loadSchema);
            for (ValidationMessage m : schema.validate(withoutMetadata(object))) {
                errors.add(id + ": " + m.getMessage());
            }
        } else {
            errors.add(id + ": no schema for apiVersion '" + apiVersion + "' kind '" + kind + "'");
        }
        return errors;
    }

    private static String modelClass(String apiVersion, String kind) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        return Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
    }

    /** Reads the object with the generated model's strict reader; the error message when it refuses. */
    private java.util.Optional<String> readAsModel(String simpleName, JsonNode object) {
        try {
            Class<?> type = Class.forName(MODELS + simpleName);
            Method fromJson = type.getMethod("fromJson", String.class);
            fromJson.invoke(null, json.writeValueAsString(object));
            return java.util.Optional.empty();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            // the models quote the whole object after the problem: keep only the problem
            int at = message.indexOf(" JSON: ");
            return java.util.Optional.of(at < 0 ? message : message.substring(0, at));
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("no Kubernetes model " + simpleName, e);
        }
    }

    private static JsonNode withoutMetadata(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("metadata");
        return copy;
    }

    private JsonSchema loadSchema(String file) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream("/crd-schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing crd-schemas/" + file);
            }
            JsonNode openApi = Kustomize.YAML.readTree(in);
            JsonNode converted = toJsonSchema(openApi);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(converted);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    /**
     * An {@code openAPIV3Schema} as a JSON Schema with the API server's strictness: an object that declares its
     * properties admits no others (unless {@code x-kubernetes-preserve-unknown-fields}), int-or-string accepts
     * both, {@code nullable} admits null; documentation-only keywords are dropped.
     */
    static JsonNode toJsonSchema(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(toJsonSchema(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            if (DROPPED_KEYWORDS.contains(key) || key.startsWith("x-kubernetes-")) {
                continue;
            }
            if ("properties".equals(key)) {
                ObjectNode props = out.putObject("properties");
                f.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), toJsonSchema(p.getValue())));
            } else {
                out.set(key, toJsonSchema(f.getValue()));
            }
        }
        boolean preserve = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            out.putArray("type").add("integer").add("string");
        }
        if (node.path("nullable").asBoolean(false) && out.has("type") && out.get("type").isTextual()) {
            String type = out.get("type").asText();
            out.putArray("type").add(type).add("null");
        }
        out.remove("nullable");
        if ("object".equals(node.path("type").asText()) && node.has("properties") && !node.has("additionalProperties")
            && !preserve) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
