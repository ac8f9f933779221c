package ir.tehran.womenfamily.registry.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The registry's own OpenAPI document, as a client generator reads it: every operation named by a stable
 * camelCase {@code operationId}, every success answer typed, every create a 201 with its {@code Location},
 * no schema name disambiguated by a number. The document is written to {@code target/openapi-registry.json}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A create that has nothing to point at: a campaign participant is read as a mentee, not on her own. */
    private static final Set<String> CREATES_WITHOUT_LOCATION = Set.of("POST /api/registry/campaign-participants");

    /** Paths the shared library serves in every service; their operations are named and typed there. */
    private static final List<String> LIBRARY_PATHS = List.of("/api/registry/audit", "/api/registry/asyncapi");

    @Test
    void everyOperationIsNamedTypedAndItsSchemasAreNamed() throws Exception {
        String text = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
            .extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi-registry.json"), text);
        JsonNode doc = new ObjectMapper().readTree(text);

        List<String> unnamed = new ArrayList<>();
        List<String> badNames = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<String> untyped = new ArrayList<>();
        List<String> createsWithoutLocation = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                if (LIBRARY_PATHS.stream().anyMatch(path.getKey()::startsWith)) {
                    continue;
                }
                JsonNode id = op.getValue().get("operationId");
                if (id == null) {
                    unnamed.add(where);
                } else {
                    if (!id.asText().matches("[a-z][a-zA-Z0-9]*")) {
                        badNames.add(where + " " + id.asText());
                    }
                    String before = seen.put(id.asText(), where);
                    if (before != null) {
                        duplicates.add(id.asText() + ": " + before + ", " + where);
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields();
                        rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (!r.getKey().startsWith("2") || r.getKey().equals("204")) {
                        continue;
                    }
                    JsonNode content = r.getValue().path("content");
                    boolean typed = content.size() > 0;
                    for (JsonNode media : content) {
                        JsonNode schema = media.path("schema");
                        if (schema.isMissingNode() || schema.isEmpty()) {
                            typed = false;
                        }
                    }
                    if (!typed) {
                        untyped.add(where + " " + r.getKey());
                    }
                    if (r.getKey().equals("201") && r.getValue().path("headers").path("Location").isMissingNode()
                            && !CREATES_WITHOUT_LOCATION.contains(where)) {
                        createsWithoutLocation.add(where);
                    }
                }
            }
        }
        List<String> numbered = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(n -> {
            if (n.matches(".*[0-9]$")) {
                numbered.add(n);
            }
        });
        System.out.printf("registry OpenAPI: %d operations, %d without operationId, %d untyped success answers, "
            + "%d numbered schema names, %d creates without Location%n", operations, unnamed.size(), untyped.size(),
            numbered.size(), createsWithoutLocation.size());
        assertEquals(List.of(), unnamed, "operations without an operationId");
        assertEquals(List.of(), badNames, "operationIds that are not camelCase");
        assertEquals(List.of(), duplicates, "operationIds used twice");
        assertEquals(List.of(), untyped, "success answers without a typed body");
        assertEquals(List.of(), numbered, "schema names disambiguated by a number");
        assertEquals(List.of(), createsWithoutLocation, "201 answers without a Location header");
    }
}
