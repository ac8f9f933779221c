package ir.tehran.womenfamily.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The merge rules, on small documents. */
class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void identicalComponentsAreSharedAndDifferentOnesArePrefixed() throws Exception {
        ObjectNode gateway = doc("""
            {"openapi": "3.1.0", "info": {"title": "gw", "version": "1"},
             "paths": {"/oauth2/token": {"post": {}}},
             "components": {"schemas": {
               "Problem": {"type": "object", "properties": {"title": {"type": "string"}}},
               "Address": {"type": "string"}}}}
            """);
        SortedMap<String, JsonNode> services = new TreeMap<>();
        services.put("bazaar", doc("""
            {"paths": {"/api/bazaar/products": {"get": {"responses": {"200": {"content": {"application/json":
               {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
               "Problem": {"type": "object", "properties": {"title": {"type": "string"}}}}}}
            """));
        services.put("registry", doc("""
            {"security": [{"jwt": []}],
             "paths": {"/api/registry/people": {
                "get": {"responses": {"200": {"content": {"application/json":
                   {"schema": {"$ref": "#/components/schemas/Person"}}}}}},
                "post": {"security": []}}},
             "components": {
               "schemas": {
                 "Person": {"type": "object", "properties": {"home": {"$ref": "#/components/schemas/Address"}}},
                 "Address": {"type": "object"}},
               "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer"}}}}
            """));
        services.put("sponsorship", doc("""
            {"paths": {"/api/sponsorship/x": {"get": {"security": [{"jwt": ["a"]}]}}},
             "components": {"securitySchemes": {"jwt": {"type": "apiKey", "in": "header", "name": "X"}}}}
            """));

        ObjectNode merged = OpenApiMerger.merge(gateway, services, List.of("nothing"));

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("string", schemas.path("Address").path("type").asText(), "the gateway's own stays");
        assertEquals("object", schemas.path("registry.Address").path("type").asText());
        assertEquals("#/components/schemas/registry.Address",
            schemas.path("Person").path("properties").path("home").path("$ref").asText());
        assertFalse(schemas.has("bazaar.Problem"), "an identical schema is shared, not copied");
        assertEquals("#/components/schemas/Problem", merged.at(
            "/paths/~1api~1bazaar~1products/get/responses/200/content/application~1json/schema/$ref").asText());

        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertEquals("http", schemes.path("jwt").path("type").asText());
        assertEquals("apiKey", schemes.path("sponsorship.jwt").path("type").asText());
        assertTrue(merged.at("/paths/~1api~1sponsorship~1x/get/security/0").has("sponsorship.jwt"));

        assertTrue(merged.at("/paths/~1api~1registry~1people/get/security/0").has("jwt"),
            "the service's document-wide requirement moves onto its operations");
        assertTrue(merged.at("/paths/~1api~1registry~1people/post/security").isEmpty(),
            "an operation's own requirement is kept");
        assertFalse(merged.has("security"));
        assertTrue(merged.path("paths").has("/oauth2/token"));
        assertEquals("nothing", merged.path(OpenApiMerger.UNAVAILABLE).path(0).asText());
    }

    @Test
    void aClashThatOnlyAppearsThroughARenamedReferenceIsCaught() throws Exception {
        ObjectNode gateway = doc("""
            {"paths": {}, "components": {"schemas": {
               "Leaf": {"type": "string"},
               "Tree": {"type": "object", "properties": {"leaf": {"$ref": "#/components/schemas/Leaf"}}}}}}
            """);
        SortedMap<String, JsonNode> services = new TreeMap<>();
        services.put("registry", doc("""
            {"paths": {}, "components": {"schemas": {
               "Leaf": {"type": "integer"},
               "Tree": {"type": "object", "properties": {"leaf": {"$ref": "#/components/schemas/Leaf"}}}}}}
            """));
        ObjectNode merged = OpenApiMerger.merge(gateway, services, List.of());
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("#/components/schemas/registry.Leaf",
            schemas.path("registry.Tree").path("properties").path("leaf").path("$ref").asText());
        assertEquals("#/components/schemas/Leaf",
            schemas.path("Tree").path("properties").path("leaf").path("$ref").asText());
    }

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
