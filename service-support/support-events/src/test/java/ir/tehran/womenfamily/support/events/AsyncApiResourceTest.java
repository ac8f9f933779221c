package ir.tehran.womenfamily.support.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The document's schema references resolve from the URL it is served at, with or without a trailing slash. */
class AsyncApiResourceTest {

    @Test
    void schemaReferencesBecomeAbsoluteUnderTheServedSchemas() {
        String document = """
            payload:
              $ref: './schemas/beneficiary.registered.v1.json'
            other:
              $ref: "#/components/schemas/cloudEventHeaders"
            """;
        assertEquals("""
            payload:
              $ref: 'https://gw.example/api/registry/asyncapi/schemas/beneficiary.registered.v1.json'
            other:
              $ref: "#/components/schemas/cloudEventHeaders"
            """, AsyncApiResource.absoluteSchemaRefs(document, "https://gw.example/api/registry/"));
        assertEquals("$ref: https://gw.example/api/x/asyncapi/schemas/a.v1.json",
            AsyncApiResource.absoluteSchemaRefs("$ref: ./schemas/a.v1.json", "https://gw.example/api/x"));
    }
}
