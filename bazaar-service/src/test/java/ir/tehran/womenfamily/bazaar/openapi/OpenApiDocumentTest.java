package ir.tehran.womenfamily.bazaar.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's own OpenAPI document as a client generator reads it: every operation named by a stable
 * camelCase {@code operationId}, every success response typed, schema names chosen rather than numbered.
 * The document is written to {@code target/openapi-bazaar.json} for a reader.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Operations the shared library serves in every service (audit, AsyncAPI); named and typed there. */
    private static final Pattern LIBRARY = Pattern.compile("/api/bazaar/(audit|asyncapi)(/|$)");

    private static JsonNode doc;

    @BeforeEach
    void read() throws Exception {
        if (doc != null) {
            return;
        }
        String body = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
            .extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi-bazaar.json"), body);
        doc = new ObjectMapper().readTree(body);
    }

    /** Each operation of the document as {@code METHOD path} with its node. */
    private static List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (METHODS.contains(m.getKey()) && !LIBRARY.matcher(path.getKey()).lookingAt()) {
                    out.add(Map.entry(m.getKey().toUpperCase() + " " + path.getKey(), m.getValue()));
                }
            }
        }
        return out;
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            String id = op.getValue().path("operationId").asText("");
            if (!id.matches("[a-z][a-zA-Z0-9]+")) {
                problems.add(op.getKey() + ": operationId '" + id + "'");
            } else if (!seen.add(id)) {
                problems.add(op.getKey() + ": operationId '" + id + "' used twice");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everySuccessResponseIsTyped() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().path("responses").fields();
            while (responses.hasNext()) {
                Map.Entry<String, JsonNode> r = responses.next();
                if (!r.getKey().startsWith("2") || r.getKey().equals("204")) {
                    continue;
                }
                JsonNode content = r.getValue().path("content");
                // a 202 may have no body; a 200 or 201 always has one
                boolean typed = content.size() > 0 || r.getKey().equals("202") && content.isMissingNode();
                Iterator<JsonNode> media = content.elements();
                while (media.hasNext()) {
                    JsonNode schema = media.next().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        typed = false;
                    }
                }
                if (!typed) {
                    problems.add(op.getKey() + " " + r.getKey());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void createsAnswer201WithLocation() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : operations()) {
            JsonNode created = op.getValue().path("responses").path("201");
            if (!created.isMissingNode() && created.path("headers").path("Location").isMissingNode()) {
                problems.add(op.getKey() + ": 201 without a Location header");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void schemaNamesAreChosenNotNumbered() {
        List<String> numbered = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (name.matches(".*[A-Za-z]\\d+$")) {
                numbered.add(name);
            }
        });
        assertEquals(List.of(), numbered);
    }
}
