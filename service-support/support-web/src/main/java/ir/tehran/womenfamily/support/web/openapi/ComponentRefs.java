package ir.tehran.womenfamily.support.web.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The references of a document, in one walk: the names the generic pages and deltas get ({@link #renamePages}) and
 * the components no operation reaches, which are left out ({@link #pruneUnused}), so that a document holds what
 * its operations use and a client generator sees chosen names only.
 */
final class ComponentRefs {

    private static final String SCHEMAS = "#/components/schemas/";

    private ComponentRefs() {
    }

    /**
     * A shared page ({@code web.http.Page}, {@code {items, nextCursor}}) or delta ({@code web.http.Delta}, with
     * {@code deleted} and {@code syncToken}) is named by SmallRye after the Java class of its items
     * ({@code PageCandidateView}, {@code DeltaEntry}); it is named here after the schema its items have:
     * {@code DuplicateCandidateViewPage}, {@code CalendarEntryDelta}. The name follows the item's chosen name.
     */
    static void renamePages(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(components.getSchemas().keySet());
        components.getSchemas().forEach((name, schema) -> {
            String item = itemName(schema);
            if (item == null) {
                return;
            }
            boolean delta = schema.getProperties().containsKey("deleted")
                && schema.getProperties().containsKey("syncToken");
            String chosen = item + (delta ? "Delta" : "Page");
            if (!chosen.equals(name) && !taken.contains(chosen)) {
                renames.put(name, chosen);
                taken.add(chosen);
            }
        });
        if (renames.isEmpty()) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> renamed.put(renames.getOrDefault(name, name), schema));
        components.setSchemas(renamed);
        walk(openAPI, ref -> {
            if (ref.startsWith(SCHEMAS)) {
                String to = renames.get(ref.substring(SCHEMAS.length()));
                return to == null ? ref : SCHEMAS + to;
            }
            return ref;
        });
    }

    /** The name of the schema of a page's items: {@code items} an array of a named schema, and a cursor. */
    private static String itemName(Schema schema) {
        if (schema == null || schema.getProperties() == null || !schema.getProperties().containsKey("nextCursor")) {
            return null;
        }
        Schema items = schema.getProperties().get("items");
        if (items == null || items.getItems() == null || items.getItems().getRef() == null
                || !items.getItems().getRef().startsWith(SCHEMAS)) {
            return null;
        }
        return items.getItems().getRef().substring(SCHEMAS.length());
    }

    /**
     * Leaves out every schema, response, parameter, header and request body no operation reaches (directly or
     * through other components): the shared components a service does not use, and the raw generic types
     * SmallRye scans beside their named uses.
     */
    static void pruneUnused(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || openAPI.getPaths() == null) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        UnaryOperator<String> collect = ref -> {
            if (ref.startsWith("#/components/") && reached.add(ref)) {
                todo.add(ref);
            }
            return ref;
        };
        walkPaths(openAPI, collect);
        while (!todo.isEmpty()) {
            String ref = todo.poll();
            String[] parts = ref.substring("#/components/".length()).split("/", 2);
            if (parts.length != 2) {
                continue;
            }
            Object component = component(components, parts[0], parts[1]);
            if (component instanceof Schema s) {
                schema(s, collect);
            } else if (component instanceof APIResponse r) {
                response(r, collect);
            } else if (component instanceof Parameter p) {
                parameter(p, collect);
            } else if (component instanceof Header h) {
                header(h, collect);
            } else if (component instanceof RequestBody b) {
                requestBody(b, collect);
            }
        }
        components.setSchemas(kept(components.getSchemas(), "schemas", reached));
        components.setResponses(kept(components.getResponses(), "responses", reached));
        components.setParameters(kept(components.getParameters(), "parameters", reached));
        components.setHeaders(kept(components.getHeaders(), "headers", reached));
        components.setRequestBodies(kept(components.getRequestBodies(), "requestBodies", reached));
    }

    private static Object component(Components c, String kind, String name) {
        Map<String, ?> map = switch (kind) {
            case "schemas" -> c.getSchemas();
            case "responses" -> c.getResponses();
            case "parameters" -> c.getParameters();
            case "headers" -> c.getHeaders();
            case "requestBodies" -> c.getRequestBodies();
            default -> null;
        };
        return map == null ? null : map.get(name);
    }

    private static <T> Map<String, T> kept(Map<String, T> all, String kind, Set<String> reached) {
        if (all == null) {
            return null;
        }
        Map<String, T> kept = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (reached.contains("#/components/" + kind + "/" + name)) {
                kept.put(name, value);
            }
        });
        return kept.isEmpty() ? null : kept;
    }

    /** Applies {@code ref} to every reference of the document (paths and components). */
    static void walk(OpenAPI openAPI, UnaryOperator<String> ref) {
        walkPaths(openAPI, ref);
        Components c = openAPI.getComponents();
        if (c == null) {
            return;
        }
        values(c.getSchemas()).forEach(s -> schema(s, ref));
        values(c.getResponses()).forEach(r -> response(r, ref));
        values(c.getParameters()).forEach(p -> parameter(p, ref));
        values(c.getHeaders()).forEach(h -> header(h, ref));
        values(c.getRequestBodies()).forEach(b -> requestBody(b, ref));
    }

    private static void walkPaths(OpenAPI openAPI, UnaryOperator<String> ref) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            list(item.getParameters()).forEach(p -> parameter(p, ref));
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation op : item.getOperations().values()) {
                list(op.getParameters()).forEach(p -> parameter(p, ref));
                if (op.getRequestBody() != null) {
                    requestBody(op.getRequestBody(), ref);
                }
                if (op.getResponses() != null) {
                    values(op.getResponses().getAPIResponses()).forEach(r -> response(r, ref));
                }
            }
        }
    }

    private static void response(APIResponse r, UnaryOperator<String> ref) {
        if (r.getRef() != null) {
            r.setRef(ref.apply(r.getRef()));
        }
        values(r.getHeaders()).forEach(h -> header(h, ref));
        content(r.getContent(), ref);
    }

    private static void parameter(Parameter p, UnaryOperator<String> ref) {
        if (p.getRef() != null) {
            p.setRef(ref.apply(p.getRef()));
        }
        if (p.getSchema() != null) {
            schema(p.getSchema(), ref);
        }
        content(p.getContent(), ref);
    }

    private static void header(Header h, UnaryOperator<String> ref) {
        if (h.getRef() != null) {
            h.setRef(ref.apply(h.getRef()));
        }
        if (h.getSchema() != null) {
            schema(h.getSchema(), ref);
        }
        content(h.getContent(), ref);
    }

    private static void requestBody(RequestBody b, UnaryOperator<String> ref) {
        if (b.getRef() != null) {
            b.setRef(ref.apply(b.getRef()));
        }
        content(b.getContent(), ref);
    }

    private static void content(Content content, UnaryOperator<String> ref) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType type : content.getMediaTypes().values()) {
            if (type.getSchema() != null) {
                schema(type.getSchema(), ref);
            }
        }
    }

    private static void schema(Schema s, UnaryOperator<String> ref) {
        if (s.getRef() != null) {
            s.setRef(ref.apply(s.getRef()));
        }
        values(s.getProperties()).forEach(p -> schema(p, ref));
        if (s.getItems() != null) {
            schema(s.getItems(), ref);
        }
        list(s.getAllOf()).forEach(x -> schema(x, ref));
        list(s.getAnyOf()).forEach(x -> schema(x, ref));
        list(s.getOneOf()).forEach(x -> schema(x, ref));
        if (s.getNot() != null) {
            schema(s.getNot(), ref);
        }
        if (s.getAdditionalPropertiesSchema() != null) {
            schema(s.getAdditionalPropertiesSchema(), ref);
        }
    }

    private static <T> Iterable<T> values(Map<String, T> map) {
        return map == null ? List.of() : List.copyOf(map.values());
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
