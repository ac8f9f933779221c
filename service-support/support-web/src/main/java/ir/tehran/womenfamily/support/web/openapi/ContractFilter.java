package ir.tehran.womenfamily.support.web.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContact;
import static org.eclipse.microprofile.openapi.OASFactory.createInfo;
import static org.eclipse.microprofile.openapi.OASFactory.createLicense;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.eclipse.microprofile.openapi.OASFactory.createServer;
import static org.eclipse.microprofile.openapi.OASFactory.createTag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The contract every service's OpenAPI document (and the gateway's) follows, applied once to the document the
 * annotations make, at build time:
 * <ul>
 * <li>one bearer scheme, {@code bearer}, and the gateway's OAuth 2 flows with their scopes, {@code oauth2}; an
 * operation that needs a token (Quarkus marks those with {@code @RolesAllowed} or {@code @Authenticated}) accepts
 * either, and every other one says it is public with an empty requirement;</li>
 * <li>the RFC 9457 {@code Problem} schema and, by the conventions of {@link OperationConventions}, the errors each
 * operation can answer and the headers the services implement (ETag, If-Match, Idempotency-Key, Location,
 * Link, Retry-After);</li>
 * <li>contact, license, the gateway as server, a description on every tag, and the Jalali-or-ISO pattern of
 * {@code DateInput} on the date fields of request bodies;</li>
 * <li>chosen names for the generic pages and deltas ({@code DuplicateCandidateViewPage}, not the
 * {@code PageCandidateView} of the Java class), and no component that no operation uses
 * ({@link ComponentRefs}).</li>
 * </ul>
 * The names are in {@link ContractComponents}; {@link OpenApiChecks} checks what each service annotates itself.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    /** A short English description of each tag the support library's resources use, where they give none. */
    private static final Map<String, String> TAGS = Map.of(
        "Event contract", "AsyncAPI document and JSON Schemas of the events this service publishes",
        "Audit", "Append-only, hash-chained log of every write and every sensitive read");

    /**
     * The operations of the support library's resources, which every service serves: their ids get the
     * service's name after the verb ({@code getEventContract} of {@code /api/registry/asyncapi} becomes
     * {@code getRegistryEventContract}), so that they stay unique across the system.
     */
    static final Set<String> SHARED_OPERATIONS = Set.of("getEventContract", "getEventSchema", "searchAuditLog",
        "verifyAuditChain", "listStatisticsFigures", "listStatisticsFigureCells", "getOpenDataFigure",
        "getOpenDataFigureJson", "getOpenDataFigureCsv");

    private static final Pattern SERVICE_PATH = Pattern.compile("/api/([a-z]+)(/.*)?");
    private static final Pattern VERB = Pattern.compile("([a-z]+)([A-Z].*)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = createComponents();
            openAPI.setComponents(components);
        }
        ContractComponents.addTo(components);
        ComponentRefs.renamePages(openAPI);
        info(openAPI);
        openAPI.setServers(new ArrayList<>(List.of(createServer().url("/")
            .description("The API gateway: every path of every service is public through it"))));
        List<SecurityRequirement> documentWide = openAPI.getSecurity();
        openAPI.setSecurity(null);
        OperationConventions conventions = new OperationConventions(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
                if (path.getValue().getOperations() == null) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                    Operation operation = op.getValue();
                    boolean secured = secured(operation.getSecurity() != null ? operation.getSecurity()
                        : documentWide);
                    operation.setSecurity(secured ? tokenRequired() : new ArrayList<>());
                    conventions.apply(path.getKey(), op.getKey(), operation, secured);
                    operation.setOperationId(serviceOperationId(path.getKey(), operation.getOperationId()));
                }
            }
        }
        DateInputs.apply(openAPI);
        tags(openAPI);
        ComponentRefs.pruneUnused(openAPI);
    }

    static String serviceOperationId(String path, String id) {
        if (id == null || !SHARED_OPERATIONS.contains(id)) {
            return id;
        }
        Matcher service = SERVICE_PATH.matcher(path);
        Matcher verb = VERB.matcher(id);
        if (!service.matches() || !verb.matches()) {
            return id;
        }
        String name = service.group(1);
        return verb.group(1) + Character.toUpperCase(name.charAt(0)) + name.substring(1) + verb.group(2);
    }

    private static void info(OpenAPI openAPI) {
        Info info = openAPI.getInfo() == null ? createInfo() : openAPI.getInfo();
        if (info.getVersion() == null) {
            info.setVersion("0.1.0");
        }
        info.setContact(createContact().name("Directorate of Women and Family Affairs, Tehran Municipality")
            .url("https://women-family.tehran.ir/"));
        info.setLicense(createLicense().name("Proprietary: Tehran Municipality, all rights reserved")
            .url("https://women-family.tehran.ir/"));
        openAPI.setInfo(info);
    }

    static boolean secured(List<SecurityRequirement> requirements) {
        return requirements != null && requirements.stream()
            .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty());
    }

    /** Either scheme: the same token, got by hand (bearer) or by a tool that runs the OAuth 2 flow. */
    static List<SecurityRequirement> tokenRequired() {
        return new ArrayList<>(List.of(createSecurityRequirement().addScheme(ContractComponents.BEARER),
            createSecurityRequirement().addScheme(ContractComponents.OAUTH2)));
    }

    /** Every tag an operation uses is declared, once, with a description. */
    private static void tags(OpenAPI openAPI) {
        Map<String, Tag> declared = new LinkedHashMap<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> declared.putIfAbsent(t.getName(), t));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() != null) {
                    item.getOperations().values().forEach(op -> {
                        if (op.getTags() != null) {
                            op.getTags().forEach(name -> declared.computeIfAbsent(name, n -> createTag().name(n)));
                        }
                    });
                }
            });
        }
        declared.values().forEach(tag -> {
            if (tag.getDescription() == null || tag.getDescription().isBlank()) {
                tag.setDescription(TAGS.getOrDefault(tag.getName(), "Operations on " + tag.getName()));
            }
        });
        openAPI.setTags(declared.isEmpty() ? null : new ArrayList<>(declared.values()));
    }
}
