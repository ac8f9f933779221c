package ir.tehran.womenfamily.support.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the service's event contract (an AsyncAPI 3 document and its JSON Schemas) from the
 * classpath folder {@code asyncapi/}, so other agencies can read it where they read the REST API: the document at
 * {@code <root>/asyncapi}, each schema at {@code <root>/asyncapi/schemas/<name>}, referred to from the document by
 * absolute URL so that a validator resolves them from the document's own address.
 */
@Path("/asyncapi")
@PermitAll
@Tag(name = "Event contract", description = "AsyncAPI document and JSON Schemas of the events this service publishes")
public class AsyncApiResource {

    private static final Pattern SCHEMA_REF = Pattern.compile("(\\$ref:\\s*['\"]?)\\./schemas/([a-z0-9.-]+\\.json)");

    @GET
    @Produces("application/yaml")
    @Operation(operationId = "getEventContract", summary = "The AsyncAPI 3 document",
        description = "Public: no token needed. The events this service publishes and consumes, in YAML; its "
            + "schemas are referenced relative to this URL.")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document, in YAML",
        content = @Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING)))
    public Response document(@Context UriInfo uri) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("asyncapi/asyncapi.yaml")) {
            if (in == null) {
                throw new jakarta.ws.rs.NotFoundException();
            }
            String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Response.ok(absoluteSchemaRefs(document, uri.getBaseUri().toString()), "application/yaml")
                .build();
        }
    }

    /**
     * The document's {@code $ref}s to its schemas ({@code ./schemas/x.json}, relative to the file in the source
     * tree) made absolute under the URL they are served at, {@code <base>asyncapi/schemas/x.json}: relative to
     * the document's own URL, {@code .../asyncapi}, they would resolve one level too high (and right only with a
     * trailing slash). {@code base} is the URL the client called (through the gateway, its public URL).
     */
    static String absoluteSchemaRefs(String document, String base) {
        String root = base.endsWith("/") ? base : base + "/";
        return SCHEMA_REF.matcher(document).replaceAll(m -> Matcher.quoteReplacement(
            m.group(1) + root + "asyncapi/schemas/" + m.group(2)));
    }

    @GET
    @Path("/schemas/{name}")
    @Produces("application/schema+json")
    @Operation(operationId = "getEventSchema", summary = "One event's JSON Schema",
        description = "Public: no token needed. Refused: 404 when `name` names no schema of this service.")
    @APIResponse(responseCode = "200", description = "The JSON Schema (2020-12) of one event's data",
        content = @Content(mediaType = "application/schema+json", schema = @Schema(type = SchemaType.OBJECT)))
    public Response schema(@PathParam("name") String name) throws IOException {
        if (!name.matches("[a-z0-9.-]+\\.json")) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return serve("asyncapi/schemas/" + name, "application/schema+json");
    }

    private static Response serve(String resource, String type) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new jakarta.ws.rs.NotFoundException();
            }
            return Response.ok(in.readAllBytes(), type).build();
        }
    }
}
