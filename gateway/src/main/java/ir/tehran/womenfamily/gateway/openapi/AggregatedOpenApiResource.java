package ir.tehran.womenfamily.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /openapi}: the API document of every service behind the gateway, in JSON or YAML. */
@Path("/openapi")
@Tag(name = "API document", description = "The OpenAPI document of the whole system")
public class AggregatedOpenApiResource {

    static final String YAML = "application/yaml";

    private static final YAMLMapper YAML_MAPPER = new YAMLMapper();

    @Inject
    OpenApiAggregator aggregator;

    @Inject
    ObjectMapper json;

    @GET
    @Produces({MediaType.APPLICATION_JSON, YAML})
    @Operation(operationId = "getApiDocument",
        summary = "The OpenAPI document of the gateway and every service behind it",
        description = "JSON by default, YAML with ?format=yaml. Services that did not answer are listed in "
            + "x-unavailable-services.")
    @APIResponse(responseCode = "200", description = "An OpenAPI 3.1 document", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING))})
    public Response document(@QueryParam("format") String format) throws JsonProcessingException {
        ObjectNode document = aggregator.document();
        if ("yaml".equalsIgnoreCase(format)) {
            return Response.ok(YAML_MAPPER.writeValueAsString(document), YAML + ";charset=UTF-8").build();
        }
        return Response.ok(json.writeValueAsString(document), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
            .build();
    }
}
