package ir.tehran.womenfamily.support.web.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOAuthFlow;
import static org.eclipse.microprofile.openapi.OASFactory.createOAuthFlows;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityScheme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ir.tehran.womenfamily.support.problem.Problem;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The components every document of the system shares, by the names {@link ContractFilter} refers to: the two
 * security schemes, the {@code Problem} schema, one response per error status, the convention headers and
 * parameters, and the {@code DateInput} schema.
 */
final class ContractComponents {

    static final String BEARER = "bearer";
    static final String OAUTH2 = "oauth2";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_ERROR = "ProblemError";
    static final String DATE_INPUT = "DateInput";
    static final String TOKEN_URL = "/oauth2/token";

    /** The scopes the gateway grants to clients (client credentials), with what each lets a client read. */
    static final Map<String, String> SCOPES = scopes();

    /** Status code to the name of its shared response. */
    static final Map<String, String> ERROR_RESPONSES = errorResponses();

    static final String HEADER_LOCATION = "Location";
    static final String HEADER_ETAG = "ETag";
    static final String HEADER_LINK = "Link";
    static final String HEADER_RETRY_AFTER = "Retry-After";
    static final String PARAM_IF_NONE_MATCH = "IfNoneMatch";
    static final String PARAM_IF_MATCH = "IfMatch";
    static final String PARAM_IDEMPOTENCY_KEY = "IdempotencyKey";
    static final String NOT_MODIFIED = "NotModified";

    /**
     * What {@code support.jalali.DateInput.parse} accepts: optional white space, a four-digit year, a month and
     * a day of one or two digits, separated by {@code -} or {@code /}, in Latin, Persian or Arabic-Indic digits.
     */
    static final String DATE_INPUT_PATTERN =
        "^\\s*[0-9\u06F0-\u06F9\u0660-\u0669]{4}[-/][0-9\u06F0-\u06F9\u0660-\u0669]{1,2}"
            + "[-/][0-9\u06F0-\u06F9\u0660-\u0669]{1,2}\\s*$";

    private ContractComponents() {
    }

    private static Map<String, String> scopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("registry.basic.read", "Read the basic register facts a partner or agency may see");
        scopes.put("registry.referrals", "Read and answer the agency's referrals, and refer women to the directorate");
        scopes.put("dci.registry.search", "Search, subscribe to and ask the status of the DCI social registry");
        scopes.put("bazaar.read", "Read bazaars, venues and published producers");
        scopes.put("sponsorship.coverage.read", "Read sponsorship coverage");
        return scopes;
    }

    private static Map<String, String> errorResponses() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("400", "BadRequest");
        names.put("401", "Unauthorized");
        names.put("403", "Forbidden");
        names.put("404", "NotFound");
        names.put("409", "Conflict");
        names.put("412", "PreconditionFailed");
        names.put("415", "UnsupportedMediaType");
        names.put("422", "UnprocessableContent");
        names.put("428", "PreconditionRequired");
        names.put("429", "TooManyRequests");
        names.put("503", "ServiceUnavailable");
        return names;
    }

    static void addTo(Components components) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BEARER, createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
            .bearerFormat("JWT")
            .description("An access token from POST /oauth2/token, sent as Authorization: Bearer <token>"));
        schemes.put(OAUTH2, createSecurityScheme().type(SecurityScheme.Type.OAUTH2)
            .description("The gateway's token endpoint: client credentials for partner apps and agencies, "
                + "password (and refresh tokens) for staff, producers and sponsors")
            .flows(createOAuthFlows()
                .clientCredentials(createOAuthFlow().tokenUrl(TOKEN_URL).scopes(new LinkedHashMap<>(SCOPES)))
                .password(createOAuthFlow().tokenUrl(TOKEN_URL).refreshUrl(TOKEN_URL).scopes(Map.of()))));
        components.setSecuritySchemes(schemes);

        components.addSchema(PROBLEM_ERROR, createSchema().addType(SchemaType.OBJECT)
            .description("One invalid input")
            .addProperty("field", createSchema().addType(SchemaType.STRING)
                .description("Where it is: a JSON path such as children[0].birthDate, or a parameter's name"))
            .addProperty("message", createSchema().addType(SchemaType.STRING).description("Why it is invalid"))
            .required(List.of("field", "message")));
        components.addSchema(PROBLEM, createSchema().addType(SchemaType.OBJECT)
            .description("An RFC 9457 problem. A problem may carry more members (for instance existingId on a "
                + "duplicate); the title is in the language of Content-Language.")
            .addProperty("type", createSchema().addType(SchemaType.STRING).format("uri")
                .description("Stable identifier of the kind of problem")
                .examples(List.of(Problem.TYPE_BASE + "validation")))
            .addProperty("title", createSchema().addType(SchemaType.STRING).description("Human-readable summary"))
            .addProperty("status", createSchema().addType(SchemaType.INTEGER).format("int32").minimum(
                java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
            .addProperty("detail", createSchema().addType(SchemaType.STRING))
            .addProperty("instance", createSchema().addType(SchemaType.STRING).format("uri-reference")
                .description("The path that was called"))
            .addProperty("requestId", createSchema().addType(SchemaType.STRING)
                .description("The X-Request-Id of the call, to quote to support"))
            .addProperty("errors", createSchema().addType(SchemaType.ARRAY)
                .description("For a validation problem: each invalid input")
                .items(ref(PROBLEM_ERROR)))
            .required(List.of("type", "title", "status")));
        components.addSchema(DATE_INPUT, createSchema().addType(SchemaType.STRING).pattern(DATE_INPUT_PATTERN)
            .description("A day, in ISO 8601 (2024-03-06) or in the Solar Hijri calendar (1402-12-16, 1402/12/16, "
                + "\u06F1\u06F4\u06F0\u06F2/\u06F1\u06F2/\u06F1\u06F6); a year below 1700 is Jalali. Persian "
                + "and Arabic-Indic digits are accepted. A day that does not exist is refused (400).")
            .examples(List.of("2024-03-06", "1402/12/16")));

        Header retryAfter = createHeader().description("Seconds to wait before trying again")
            .schema(createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.ZERO));
        components.addHeader(HEADER_RETRY_AFTER, retryAfter);
        components.addHeader(HEADER_LOCATION, createHeader().description("The URL of the created resource")
            .schema(createSchema().addType(SchemaType.STRING).format("uri")));
        components.addHeader(HEADER_ETAG, createHeader().description("The version of the representation; send it "
            + "back in If-None-Match to revalidate, or in If-Match to update")
            .schema(createSchema().addType(SchemaType.STRING)));
        components.addHeader(HEADER_LINK, createHeader().description("RFC 8288 links; rel=\"next\" is the next "
            + "page, present while nextCursor is")
            .schema(createSchema().addType(SchemaType.STRING)));

        for (Map.Entry<String, String> e : ERROR_RESPONSES.entrySet()) {
            APIResponse response = createAPIResponse().description(errorDescription(e.getKey()))
                .content(problemContent());
            if ("429".equals(e.getKey()) || "503".equals(e.getKey())) {
                response.addHeader(HEADER_RETRY_AFTER, headerRef(HEADER_RETRY_AFTER));
            }
            components.addResponse(e.getValue(), response);
        }
        components.addResponse(NOT_MODIFIED, createAPIResponse()
            .description("Not modified: the ETag sent in If-None-Match is still current")
            .addHeader(HEADER_ETAG, headerRef(HEADER_ETAG)));

        components.addParameter(PARAM_IF_NONE_MATCH, createParameter().name("If-None-Match")
            .in(Parameter.In.HEADER).required(false)
            .description("An ETag from an earlier answer: 304 without a body when it is still current")
            .schema(createSchema().addType(SchemaType.STRING)));
        components.addParameter(PARAM_IF_MATCH, createParameter().name("If-Match").in(Parameter.In.HEADER)
            .required(true)
            .description("The ETag of the version being changed: 428 when missing, 412 when no longer current")
            .schema(createSchema().addType(SchemaType.STRING)));
        components.addParameter(PARAM_IDEMPOTENCY_KEY, createParameter().name("Idempotency-Key")
            .in(Parameter.In.HEADER).required(false)
            .description("A unique key (a UUID) per create: a retry with the same key and body gets the first "
                + "answer again instead of creating twice; the same key with another body is 422")
            .schema(createSchema().addType(SchemaType.STRING).maxLength(100)));
    }

    static String errorDescription(String status) {
        return switch (status) {
            case "400" -> "Invalid input: a malformed parameter or body; errors names each invalid field";
            case "401" -> "No valid access token";
            case "403" -> "The token's role or scope does not allow this";
            case "404" -> "Nothing with this id that the caller may see";
            case "409" -> "The change conflicts with the resource's current state";
            case "412" -> "If-Match names a version that is no longer current";
            case "415" -> "The body is not in a supported media type";
            case "422" -> "The Idempotency-Key was used before with another body";
            case "428" -> "If-Match is required";
            case "429" -> "Too many requests; wait Retry-After seconds";
            case "503" -> "Temporarily unavailable; try again after Retry-After seconds";
            default -> "Error";
        };
    }

    static Content problemContent() {
        return createContent().addMediaType(Problem.MEDIA_TYPE, createMediaType().schema(ref(PROBLEM)));
    }

    static Schema ref(String schema) {
        return createSchema().ref("#/components/schemas/" + schema);
    }

    static Header headerRef(String header) {
        return createHeader().ref("#/components/headers/" + header);
    }

    static APIResponse responseRef(String name) {
        return createAPIResponse().ref("#/components/responses/" + name);
    }

    static Parameter parameterRef(String name) {
        return createParameter().ref("#/components/parameters/" + name);
    }
}
