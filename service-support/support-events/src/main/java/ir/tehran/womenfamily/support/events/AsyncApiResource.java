package ir.tehran.womenfamily.support.events;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves the service's event contract (an AsyncAPI 3 document and its JSON Schemas) from the
 * classpath folder {@code asyncapi/}, so other agencies can read it where they read the REST API.
 */
@Path("/asyncapi")
@PermitAll
@Tag(name = "Event contract", description = "AsyncAPI document and JSON Schemas of the events this service publishes")
public class AsyncApiResource {

    @GET
    @Produces("application/yaml")
    @Operation(summary = "The AsyncAPI 3 document")
    public Response document() throws IOException {
        return serve("asyncapi/asyncapi.yaml", "application/yaml");
    }

    @GET
    @Path("/schemas/{name}")
    @Produces("application/schema+json")
    @Operation(summary = "One event's JSON Schema")
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
