package ir.tehran.womenfamily.support.web.openapi;

import static ir.tehran.womenfamily.support.web.openapi.ContractComponents.ERROR_RESPONSES;
import static ir.tehran.womenfamily.support.web.openapi.ContractComponents.headerRef;
import static ir.tehran.womenfamily.support.web.openapi.ContractComponents.parameterRef;
import static ir.tehran.womenfamily.support.web.openapi.ContractComponents.responseRef;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ir.tehran.womenfamily.support.problem.Problem;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem.HttpMethod;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The HTTP conventions every service implements (the shared library's {@code support.web.http}), written into
 * each operation of the document by its shape, so a client generator sees them:
 * <ul>
 * <li>errors as {@code application/problem+json} {@code Problem}: 400 with parameters or a body, 401 and 403 when
 * a token is required, 404 with path parameters, 409, 412 and 428 on a versioned change, 415 with a body, 422 on a
 * create that takes an Idempotency-Key, 429 (the gateway's rate limits) and 503 (a database or service away)
 * everywhere; a status the operation documents with another body (RFC 6749 errors of the token endpoint) is
 * left as it is, and such an operation gets only 429 and 503;</li>
 * <li>{@code Location} on 201 and an optional {@code Idempotency-Key} on a POST answering 201 or reading the
 * header itself (an accepted start answering 202: the CSV import, the allocation);</li>
 * <li>{@code ETag} on the JSON 200 of a GET (single resources and lists alike), with {@code If-None-Match} and
 * 304;</li>
 * <li>{@code If-Match}, required, on a versioned change: every PUT and PATCH, and a POST action or a DELETE that
 * reads the header ({@code Versions.required}: revoking a consent, closing a business, moving a referral ...);</li>
 * <li>{@code Link} on a list page (a body {@code {items, nextCursor}}); {@code Retry-After} on 429 and 503.</li>
 * </ul>
 */
final class OperationConventions {

    private final Components components;

    OperationConventions(Components components) {
        this.components = components;
    }

    void apply(String path, HttpMethod method, Operation operation, boolean secured) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = createAPIResponses();
            operation.setResponses(responses);
        }
        boolean update = method == HttpMethod.PUT || method == HttpMethod.PATCH
            || (method == HttpMethod.POST || method == HttpMethod.DELETE) && declaresHeader(operation, "If-Match");
        boolean body = operation.getRequestBody() != null;
        boolean created = responses.hasAPIResponse("201");
        // a create (201), and an accepted start (202) that reads the header itself (@IdempotentCreate)
        boolean idempotent = method == HttpMethod.POST && (created || declaresHeader(operation, "Idempotency-Key"));
        if (idempotent) {
            addHeaderParameter(operation, "Idempotency-Key", ContractComponents.PARAM_IDEMPOTENCY_KEY, false);
        }
        if (update) {
            addHeaderParameter(operation, "If-Match", ContractComponents.PARAM_IF_MATCH, true);
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (method == HttpMethod.GET && ok != null && ok.getRef() == null && json(ok.getContent()) != null) {
            // support.web.http.ConditionalGet tags every JSON 200 of a GET, lists too
            ok.addHeader(ContractComponents.HEADER_ETAG, headerRef(ContractComponents.HEADER_ETAG));
            addHeaderParameter(operation, "If-None-Match", ContractComponents.PARAM_IF_NONE_MATCH, false);
            if (!responses.hasAPIResponse("304")) {
                responses.addAPIResponse("304", responseRef(ContractComponents.NOT_MODIFIED));
            }
            if (isPage(json(ok.getContent()))) {
                ok.addHeader(ContractComponents.HEADER_LINK, headerRef(ContractComponents.HEADER_LINK));
            }
        }
        APIResponse create = responses.getAPIResponse("201");
        if (create != null && create.getRef() == null) {
            create.addHeader(ContractComponents.HEADER_LOCATION, headerRef(ContractComponents.HEADER_LOCATION));
        }
        // a Location on any other answer (202, 301 ...) is the same header
        responses.getAPIResponses().values().forEach(response -> {
            if (response.getRef() == null && response.getHeaders() != null
                    && response.getHeaders().containsKey(ContractComponents.HEADER_LOCATION)) {
                response.addHeader(ContractComponents.HEADER_LOCATION, headerRef(ContractComponents.HEADER_LOCATION));
            }
        });

        boolean ownErrors = ownErrorFormat(responses);
        Set<String> errors = new LinkedHashSet<>();
        if (!ownErrors) {
            if (body || hasParameters(operation)) {
                errors.add("400");
            }
            if (secured) {
                errors.add("401");
                errors.add("403");
            }
            if (path.contains("{")) {
                errors.add("404");
            }
            if (update) {
                errors.add("409");
                errors.add("412");
                errors.add("428");
            }
            if (body) {
                errors.add("415");
            }
            if (idempotent) {
                errors.add("422");
            }
        }
        errors.add("429");
        errors.add("503");
        for (String status : errors) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null) {
                responses.addAPIResponse(status, responseRef(ERROR_RESPONSES.get(status)));
            } else if (existing.getRef() == null && (existing.getContent() == null
                    || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty())) {
                existing.setContent(ContractComponents.problemContent());
            }
        }
        // every documented error without a body is a problem too
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> e : responses.getAPIResponses().entrySet()) {
                APIResponse r = e.getValue();
                if (e.getKey().matches("[45]\\d\\d") && r.getRef() == null && (r.getContent() == null
                        || r.getContent().getMediaTypes() == null || r.getContent().getMediaTypes().isEmpty())) {
                    r.setContent(ContractComponents.problemContent());
                }
            }
        }
    }

    /** The operation documents a 4xx with a body that is not a problem (RFC 6749 errors): it keeps its own. */
    private static boolean ownErrorFormat(APIResponses responses) {
        if (responses.getAPIResponses() == null) {
            return false;
        }
        return responses.getAPIResponses().entrySet().stream()
            .filter(e -> e.getKey().startsWith("4") && e.getValue().getContent() != null
                && e.getValue().getContent().getMediaTypes() != null
                && !e.getValue().getContent().getMediaTypes().isEmpty())
            .anyMatch(e -> !e.getValue().getContent().hasMediaType(Problem.MEDIA_TYPE));
    }

    /** Parameters other than headers: a malformed one is a 400. */
    private boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
            .map(this::resolve)
            .anyMatch(p -> p == null || p.getIn() != Parameter.In.HEADER);
    }

    /** The operation reads the header itself (a {@code @HeaderParam}). */
    private boolean declaresHeader(Operation operation, String header) {
        return operation.getParameters() != null && operation.getParameters().stream().map(this::resolve)
            .anyMatch(p -> p != null && p.getIn() == Parameter.In.HEADER && p.getName() != null
                && p.getName().equalsIgnoreCase(header));
    }

    /** Adds the shared parameter unless the operation declares the header itself; then makes it required. */
    private void addHeaderParameter(Operation operation, String header, String component, boolean required) {
        List<Parameter> parameters = operation.getParameters() == null ? new ArrayList<>()
            : new ArrayList<>(operation.getParameters());
        for (Parameter p : parameters) {
            Parameter resolved = resolve(p);
            if (resolved != null && resolved.getIn() == Parameter.In.HEADER && resolved.getName() != null
                    && resolved.getName().toLowerCase(Locale.ROOT).equals(header.toLowerCase(Locale.ROOT))) {
                if (required && p.getRef() == null) {
                    p.setRequired(true);
                }
                return;
            }
        }
        parameters.add(parameterRef(component));
        operation.setParameters(parameters);
    }

    private Parameter resolve(Parameter p) {
        if (p.getRef() == null) {
            return p;
        }
        String name = p.getRef().substring(p.getRef().lastIndexOf('/') + 1);
        return components.getParameters() == null ? null : components.getParameters().get(name);
    }

    private static Schema json(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> e : content.getMediaTypes().entrySet()) {
            if (e.getKey().startsWith("application/json") && e.getValue().getSchema() != null) {
                return e.getValue().getSchema();
            }
        }
        return null;
    }

    private Schema resolve(Schema schema) {
        if (schema != null && schema.getRef() != null && components.getSchemas() != null) {
            return components.getSchemas().get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** A cursor page: a body {@code {items, nextCursor}}. */
    boolean isPage(Schema schema) {
        Schema s = resolve(schema);
        return s != null && s.getProperties() != null && s.getProperties().containsKey("items")
            && s.getProperties().containsKey("nextCursor");
    }
}
