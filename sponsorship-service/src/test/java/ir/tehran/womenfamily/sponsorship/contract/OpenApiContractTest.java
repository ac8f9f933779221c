package ir.tehran.womenfamily.sponsorship.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The service's own OpenAPI document, read as a client generator reads it: every operation has a stable
 * camelCase operationId of its own, every success response says what it carries, no schema name is numbered.
 */
@QuarkusTest
class OpenApiContractTest {

    /** Resources the shared library brings to every service; their contract is checked where they are made. */
    private static final List<String> SHARED = List.of("/api/sponsorship/asyncapi", "/api/sponsorship/audit");
    private static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]+");
    private static final Pattern NUMBERED = Pattern.compile(".*[A-Za-z]\\d+$");

    @Test
    void everyOperationIsNamedTypedAndItsSchemasAreNamedNotNumbered() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
            .extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/sponsorship-openapi.json"), json);
        JsonNode doc = new ObjectMapper().readTree(json);
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new TreeMap<>();
        int operations = 0;
        for (var path : iterable(doc.path("paths").fields())) {
            if (SHARED.stream().anyMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (var op : iterable(path.getValue().fields())) {
                if (!op.getValue().isObject() || !op.getValue().has("responses")) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (!CAMEL.matcher(id).matches()) {
                    problems.add(where + ": operationId '" + id + "'");
                } else if (ids.put(id, where) != null) {
                    problems.add(where + ": operationId '" + id + "' used twice");
                }
                for (var response : iterable(op.getValue().path("responses").fields())) {
                    String code = response.getKey();
                    if (!code.startsWith("2") || "204".equals(code)) {
                        continue;
                    }
                    JsonNode content = response.getValue().path("content");
                    boolean typed = content.size() > 0;
                    for (JsonNode media : content) {
                        JsonNode schema = media.path("schema");
                        typed &= schema.size() > 0;
                    }
                    if (!typed) {
                        problems.add(where + ": untyped " + code);
                    }
                    if ("201".equals(code) && !response.getValue().path("headers").has("Location")) {
                        problems.add(where + ": 201 without a Location header");
                    }
                }
            }
        }
        for (var name : iterable(doc.path("components").path("schemas").fieldNames())) {
            if (NUMBERED.matcher(name).matches()) {
                problems.add("numbered schema name " + name);
            }
        }
        assertTrue(operations > 50, "operations: " + operations);
        assertEquals(List.of(), problems);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }
}
