package ir.tehran.womenfamily.support.web.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOpenAPI;
import static org.eclipse.microprofile.openapi.OASFactory.createOperation;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;
import static org.eclipse.microprofile.openapi.OASFactory.createPaths;
import static org.eclipse.microprofile.openapi.OASFactory.createRequestBody;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** The contract the filter writes into a small document of three operations. */
class ContractFilterTest {

    @Test
    void securityErrorsAndHeadersFollowTheOperationsShape() {
        OpenAPI doc = document();
        new ContractFilter().filterOpenAPI(doc);

        assertEquals(List.of("bearer", "oauth2"), List.copyOf(doc.getComponents().getSecuritySchemes().keySet()));
        assertEquals(5, doc.getComponents().getSecuritySchemes().get("oauth2").getFlows().getClientCredentials()
            .getScopes().size());
        assertNotNull(doc.getComponents().getSchemas().get("Problem").getProperties().get("errors"));
        assertEquals("/", doc.getServers().get(0).getUrl());

        Operation update = doc.getPaths().getPathItem("/api/x/things/{id}").getPUT();
        assertEquals(2, update.getSecurity().size(), "a secured operation takes either scheme");
        assertTrue(update.getResponses().getAPIResponses().keySet().containsAll(
            List.of("400", "401", "403", "404", "409", "412", "415", "428", "429", "503")));
        assertTrue(update.getParameters().stream()
            .anyMatch(p -> "#/components/parameters/IfMatch".equals(p.getRef())));
        assertTrue(doc.getComponents().getParameters().get("IfMatch").getRequired());

        Operation read = doc.getPaths().getPathItem("/api/x/things/{id}").getGET();
        assertTrue(read.getSecurity().isEmpty(), "a public operation says so");
        assertNotNull(read.getResponses().getAPIResponse("200").getHeaders().get("ETag"));
        assertNotNull(read.getResponses().getAPIResponse("304"));
        assertFalse(read.getResponses().hasAPIResponse("401"));

        Operation create = doc.getPaths().getPathItem("/api/x/things").getPOST();
        assertNotNull(create.getResponses().getAPIResponse("201").getHeaders().get("Location"));
        assertTrue(create.getResponses().hasAPIResponse("422"));
        assertTrue(create.getParameters().stream()
            .anyMatch(p -> "#/components/parameters/IdempotencyKey".equals(p.getRef())));
        Operation list = doc.getPaths().getPathItem("/api/x/things").getGET();
        assertNotNull(list.getResponses().getAPIResponse("200").getHeaders().get("Link"));
    }

    @Test
    void aPostActionOrDeleteThatReadsIfMatchRequiresItAndAnswersThePreconditionErrors() {
        OpenAPI doc = createOpenAPI().paths(createPaths()
            .addPathItem("/api/x/things/{id}/close", createPathItem().POST(action(true)))
            .addPathItem("/api/x/things/{id}/run", createPathItem().POST(action(false)))
            .addPathItem("/api/x/things/{id}", createPathItem().DELETE(action(true)))
            .addPathItem("/api/x/things/{id}/starts", createPathItem().POST(createOperation().operationId("start")
                .addParameter(createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                    .schema(createSchema().addType(SchemaType.STRING)))
                .responses(createAPIResponses().addAPIResponse("202", createAPIResponse().description("Started"))))));
        new ContractFilter().filterOpenAPI(doc);

        for (Operation versioned : List.of(doc.getPaths().getPathItem("/api/x/things/{id}/close").getPOST(),
                doc.getPaths().getPathItem("/api/x/things/{id}").getDELETE())) {
            Parameter ifMatch = versioned.getParameters().stream()
                .filter(p -> "If-Match".equals(p.getName())).findFirst().orElseThrow();
            assertTrue(ifMatch.getRequired(), "an action over a version requires If-Match");
            assertTrue(versioned.getResponses().getAPIResponses().keySet().containsAll(List.of("409", "412", "428")));
        }
        Operation command = doc.getPaths().getPathItem("/api/x/things/{id}/run").getPOST();
        assertFalse(command.getResponses().hasAPIResponse("422"), "no Idempotency-Key on a command");
        Operation start = doc.getPaths().getPathItem("/api/x/things/{id}/starts").getPOST();
        assertTrue(start.getParameters().stream().anyMatch(p -> "Idempotency-Key".equals(p.getName())));
        assertTrue(start.getResponses().hasAPIResponse("422"), "an accepted start that takes a key can reuse one");
        assertFalse(command.getResponses().hasAPIResponse("428"), "a command without a version needs none");
        assertTrue(command.getParameters().stream().noneMatch(p -> "If-Match".equals(p.getName())
            || "#/components/parameters/IfMatch".equals(p.getRef())));
    }

    private static Operation action(boolean readsIfMatch) {
        Operation op = createOperation().operationId(readsIfMatch ? "closeThing" : "runThing")
            .addParameter(createParameter().name("id").in(Parameter.In.PATH).required(true)
                .schema(createSchema().addType(SchemaType.STRING)))
            .responses(createAPIResponses().addAPIResponse("200", createAPIResponse().description("Done")));
        if (readsIfMatch) {
            op.addParameter(createParameter().name("If-Match").in(Parameter.In.HEADER)
                .schema(createSchema().addType(SchemaType.STRING)));
        }
        return op;
    }

    @Test
    void aPageOrDeltaIsNamedAfterItsItemsSchemaAndAnUnusedComponentIsLeftOut() {
        Schema cursor = createSchema().addType(SchemaType.STRING);
        Schema page = createSchema().addType(SchemaType.OBJECT)
            .addProperty("items", createSchema().addType(SchemaType.ARRAY)
                .items(createSchema().ref("#/components/schemas/DuplicateCandidateView")))
            .addProperty("nextCursor", cursor);
        Schema delta = createSchema().addType(SchemaType.OBJECT)
            .addProperty("items", createSchema().addType(SchemaType.ARRAY)
                .items(createSchema().ref("#/components/schemas/CalendarEntry")))
            .addProperty("deleted", createSchema().addType(SchemaType.ARRAY))
            .addProperty("syncToken", cursor).addProperty("nextCursor", cursor);
        OpenAPI doc = createOpenAPI()
            .components(createComponents()
                .addSchema("PageCandidateView", page).addSchema("DeltaEntry", delta)
                .addSchema("DuplicateCandidateView", createSchema().addType(SchemaType.OBJECT))
                .addSchema("CalendarEntry", createSchema().addType(SchemaType.OBJECT))
                .addSchema("Delta", createSchema().addType(SchemaType.OBJECT)))
            .paths(createPaths()
                .addPathItem("/api/x/pairs", createPathItem().GET(list("listPairs", "PageCandidateView")))
                .addPathItem("/api/x/calendar", createPathItem().GET(list("getCalendar", "DeltaEntry"))));
        new ContractFilter().filterOpenAPI(doc);

        java.util.Set<String> names = doc.getComponents().getSchemas().keySet();
        assertTrue(names.containsAll(List.of("DuplicateCandidateViewPage", "CalendarEntryDelta")), names::toString);
        assertFalse(names.contains("PageCandidateView") || names.contains("DeltaEntry"), names::toString);
        assertFalse(names.contains("Delta"), "a schema no operation uses is left out");
        assertEquals("#/components/schemas/DuplicateCandidateViewPage", doc.getPaths().getPathItem("/api/x/pairs")
            .getGET().getResponses().getAPIResponse("200").getContent().getMediaType("application/json").getSchema()
            .getRef());
        assertNotNull(doc.getComponents().getSchemas().get("Problem"), "the errors use it");
        assertFalse(doc.getComponents().getParameters().containsKey("IfMatch"), "no operation takes it here");
    }

    private static Operation list(String id, String schema) {
        return createOperation().operationId(id).responses(createAPIResponses().addAPIResponse("200",
            createAPIResponse().description("A page").content(createContent().addMediaType("application/json",
                createMediaType().schema(createSchema().ref("#/components/schemas/" + schema))))));
    }

    @Test
    void aDateOfARequestBodyIsADateInputAndOneOfAResponseStaysIso() {
        OpenAPI doc = document();
        new ContractFilter().filterOpenAPI(doc);
        assertEquals("#/components/schemas/DateInput",
            doc.getComponents().getSchemas().get("NewThing").getProperties().get("on").getRef());
        assertEquals("date", doc.getComponents().getSchemas().get("Thing").getProperties().get("on").getFormat());
    }

    @Test
    void theDateInputPatternTakesWhatTheParserTakes() {
        Pattern pattern = Pattern.compile(ContractComponents.DATE_INPUT_PATTERN);
        for (String day : List.of("2024-03-06", "1402/12/16", "1402-1-6", "\u06F1\u06F4\u06F0\u06F2/\u06F1\u06F2/"
                + "\u06F1\u06F6", "\u0661\u0664\u0660\u0662-12-16", " 2024-03-06 ")) {
            assertTrue(pattern.matcher(day).find(), day);
        }
        for (String day : List.of("24-03-06", "2024.03.06", "2024-003-06", "06/03/2024", "2024-03-06T00:00")) {
            assertFalse(pattern.matcher(day).find(), day);
        }
    }

    @Test
    void theSupportLibrarysOperationIdsTakeTheServicesName() {
        assertEquals("getRegistryEventContract",
            ContractFilter.serviceOperationId("/api/registry/asyncapi", "getEventContract"));
        assertEquals("searchBazaarAuditLog", ContractFilter.serviceOperationId("/api/bazaar/audit", "searchAuditLog"));
        assertEquals("searchAuditLog", ContractFilter.serviceOperationId("/audit", "searchAuditLog"));
        assertEquals("registerBeneficiary",
            ContractFilter.serviceOperationId("/api/registry/beneficiaries", "registerBeneficiary"));
    }

    private static OpenAPI document() {
        Schema thing = createSchema().addType(SchemaType.OBJECT)
            .addProperty("on", createSchema().addType(SchemaType.STRING).format("date"))
            .addProperty("id", createSchema().addType(SchemaType.STRING));
        Schema newThing = createSchema().addType(SchemaType.OBJECT)
            .addProperty("on", createSchema().addType(SchemaType.STRING).format("date"));
        Schema page = createSchema().addType(SchemaType.OBJECT)
            .addProperty("items", createSchema().addType(SchemaType.ARRAY).items(ref("Thing")))
            .addProperty("nextCursor", createSchema().addType(SchemaType.STRING));
        Operation update = createOperation()
            .addParameter(createParameter().name("id").in(Parameter.In.PATH).required(true))
            .requestBody(createRequestBody().content(json(ref("NewThing"))))
            .responses(createAPIResponses().addAPIResponse("200", createAPIResponse().content(json(ref("Thing")))))
            .addSecurityRequirement(createSecurityRequirement().addScheme("SecurityScheme", List.of("admin")));
        Operation read = createOperation()
            .addParameter(createParameter().name("id").in(Parameter.In.PATH).required(true))
            .responses(createAPIResponses().addAPIResponse("200", createAPIResponse().content(json(ref("Thing")))));
        Operation create = createOperation()
            .requestBody(createRequestBody().content(json(ref("NewThing"))))
            .responses(createAPIResponses().addAPIResponse("201", createAPIResponse().content(json(ref("Thing")))))
            .addSecurityRequirement(createSecurityRequirement().addScheme("jwt"));
        Operation list = createOperation()
            .responses(createAPIResponses().addAPIResponse("200", createAPIResponse().content(json(ref("Page")))));
        return createOpenAPI()
            .components(createComponents().addSchema("Thing", thing).addSchema("NewThing", newThing)
                .addSchema("Page", page))
            .paths(createPaths()
                .addPathItem("/api/x/things/{id}", createPathItem().PUT(update).GET(read))
                .addPathItem("/api/x/things", createPathItem().POST(create).GET(list)));
    }

    private static Schema ref(String name) {
        return createSchema().ref("#/components/schemas/" + name);
    }

    private static org.eclipse.microprofile.openapi.models.media.Content json(Schema schema) {
        return createContent().addMediaType("application/json", createMediaType().schema(schema));
    }
}
