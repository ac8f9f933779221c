package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas of a producer's AsyncAPI contract ({@code asyncapi/schemas/*.json} on the test
 * classpath: the producer's own resources, or its {@code asyncapi} artifact for a consumer), indexed by
 * {@code $id}, which is each event's CloudEvents {@code dataschema}.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, JsonSchema> schemas = new HashMap<>();
    private final Map<String, JsonNode> sources = new HashMap<>();

    private EventContract() {
    }

    /** Loads every schema found under {@code asyncapi/schemas/} in every classpath root. */
    public static EventContract load() {
        EventContract contract = new EventContract();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try {
            Enumeration<URL> roots = Thread.currentThread().getContextClassLoader().getResources("asyncapi/schemas");
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                forEachSchema(root, node -> {
                    contract.schemas.put(node.get("$id").asText(), factory.getSchema(node, config));
                    contract.sources.put(node.get("$id").asText(), node);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contract;
    }

    /** Problems of {@code json} against the schema named by {@code dataSchema}; empty when it conforms. */
    public Set<String> violations(String dataSchema, String json) {
        JsonSchema schema = schemas.get(dataSchema);
        if (schema == null) {
            return Set.of("no schema with $id " + dataSchema + " in the contract; known: " + schemas.keySet());
        }
        try {
            return schema.validate(JSON.readTree(json)).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    /**
     * What a consumer reads of an event that the producer's schema does not promise: {@code fields} maps each
     * field the consumer reads to its JSON type ({@code string}, {@code integer}, {@code boolean}, {@code array},
     * {@code object}), with a trailing {@code ?} when the consumer copes with its absence. A field is a mismatch
     * when the schema has no such property, gives it another type, or (without {@code ?}) does not require it.
     * Empty when the producer's schema covers the consumer's expectation.
     */
    public List<String> unmetExpectations(String dataSchema, Map<String, String> fields) {
        JsonNode schema = sources.get(dataSchema);
        if (schema == null) {
            return List.of("no schema with $id " + dataSchema + " in the contract; known: " + sources.keySet());
        }
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> unmet = new ArrayList<>();
        fields.forEach((field, expected) -> {
            boolean optional = expected.endsWith("?");
            String type = optional ? expected.substring(0, expected.length() - 1) : expected;
            JsonNode property = resolve(schema, schema.path("properties").path(field));
            if (property.isMissingNode()) {
                unmet.add(dataSchema + ": no field " + field);
                return;
            }
            List<String> types = new ArrayList<>();
            JsonNode declared = property.path("type");
            if (declared.isArray()) {
                declared.forEach(t -> types.add(t.asText()));
            } else if (declared.isTextual()) {
                types.add(declared.asText());
            } else if (property.has("const") || property.has("enum")) {
                JsonNode sample = property.has("const") ? property.get("const") : property.get("enum").path(0);
                types.add(sample.isTextual() ? "string" : sample.isBoolean() ? "boolean"
                    : sample.isIntegralNumber() ? "integer" : sample.getNodeType().name().toLowerCase());
            }
            if (!types.contains(type) && !("integer".equals(type) && types.contains("number"))) {
                unmet.add(dataSchema + ": " + field + " is " + types + ", the consumer reads " + type);
            }
            if (!optional && !required.contains(field)) {
                unmet.add(dataSchema + ": " + field + " is not required, the consumer needs it");
            }
        });
        return unmet;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode property) {
        JsonNode ref = property.path("$ref");
        if (ref.isTextual() && ref.asText().startsWith("#/")) {
            return schema.at(ref.asText().substring(1));
        }
        return property;
    }

    public Set<String> schemaIds() {
        return schemas.keySet();
    }

    private interface SchemaSink {
        void accept(JsonNode schema) throws IOException;
    }

    private static void forEachSchema(URL root, SchemaSink sink) throws IOException {
        try {
            if ("jar".equals(root.getProtocol())) {
                String spec = root.toString();
                String jar = spec.substring(0, spec.indexOf("!/"));
                try (FileSystem fs = FileSystems.newFileSystem(java.net.URI.create(jar), Map.of())) {
                    readDir(fs.getPath("asyncapi/schemas"), sink);
                }
            } else {
                readDir(Path.of(root.toURI()), sink);
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static void readDir(Path dir, SchemaSink sink) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    sink.accept(JSON.readTree(in));
                }
            }
        }
    }
}
