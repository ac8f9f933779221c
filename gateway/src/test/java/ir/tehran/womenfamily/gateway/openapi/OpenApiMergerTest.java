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
        assertEquals("object", schemas.path("RegistryAddress").path("type").asText(),
            "a clashing schema takes the service's name in front, never a number");
        assertEquals("#/components/schemas/RegistryAddress",
            schemas.path("Person").path("properties").path("home").path("$ref").asText());
        assertFalse(schemas.has("bazaar.Problem"), "an identical schema is shared, not copied");
        assertEquals("#/components/schemas/Problem", merged.at(
            "/paths/~1api~1bazaar~1products/get/responses/200/content/application~1json/schema/$ref").asText());

        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertFalse(schemes.has("jwt") && "http".equals(schemes.path("jwt").path("type").asText()),
            "a service's bearer scheme is the gateway's bearer, whatever its name");
        assertEquals("apiKey", schemes.path("jwt").path("type").asText());
        assertTrue(merged.at("/paths/~1api~1sponsorship~1x/get/security/0").has("jwt"));

        assertTrue(merged.at("/paths/~1api~1registry~1people/get/security/0").has("bearer"),
            "the service's document-wide requirement moves onto its operations, under the unified name");
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
        assertEquals("#/components/schemas/RegistryLeaf",
            schemas.path("RegistryTree").path("properties").path("leaf").path("$ref").asText());
        assertEquals("#/components/schemas/Leaf",
            schemas.path("Tree").path("properties").path("leaf").path("$ref").asText());
    }

    @Test
    void bearerAndOauth2SchemesAreUnifiedAndABearerRequirementHasNoScopes() throws Exception {
        ObjectNode gateway = doc("""
            {"paths": {}, "components": {"securitySchemes": {
               "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
               "oauth2": {"type": "oauth2", "flows": {}}}}}
            """);
        SortedMap<String, JsonNode> services = new TreeMap<>();
        services.put("bazaar", doc("""
            {"paths": {"/api/bazaar/x": {"get": {"security": [{"SecurityScheme": ["admin"]}, {"auth": []}]}}},
             "components": {"securitySchemes": {
               "SecurityScheme": {"type": "http", "scheme": "bearer", "description": "other words"},
               "auth": {"type": "oauth2", "flows": {"password": {"tokenUrl": "/t", "scopes": {}}}}}}}
            """));
        ObjectNode merged = OpenApiMerger.merge(gateway, services, List.of());
        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertEquals(List.of("bearer", "oauth2"), iterable(schemes.fieldNames()));
        assertEquals("{\"bearer\":[]}", merged.at("/paths/~1api~1bazaar~1x/get/security/0").toString());
        assertEquals("{\"oauth2\":[]}", merged.at("/paths/~1api~1bazaar~1x/get/security/1").toString());
    }

    @Test
    void aPathTheGatewayDoesNotRouteToTheServiceIsLeftOut() throws Exception {
        SortedMap<String, JsonNode> services = new TreeMap<>();
        services.put("registry", doc("""
            {"paths": {"/api/registry/asyncapi": {"get": {}}, "/asyncapi": {"get": {}},
                       "/api/registryx": {"get": {}}, "/api/registry": {"get": {}}}}
            """));
        ObjectNode merged = OpenApiMerger.merge(doc("{\"paths\": {}}"), services, List.of());
        assertEquals(List.of("/api/registry/asyncapi", "/api/registry"),
            iterable(merged.path("paths").fieldNames()));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
