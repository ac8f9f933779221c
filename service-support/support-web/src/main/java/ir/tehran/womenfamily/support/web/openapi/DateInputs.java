package ir.tehran.womenfamily.support.web.openapi;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Every date a request body carries is read by {@code support.jalali.DateInput} (ISO or Jalali, Persian digits
 * too), so the document describes it as the {@code DateInput} schema rather than an ISO {@code format: date}: in
 * each schema used by a request body and by no response, a {@code LocalDate} property (a string of format
 * {@code date}) becomes a reference to {@code DateInput}. Responses keep ISO dates. A date given as text (a
 * query parameter, a PATCH field typed as a string) is marked by hand with {@code @Schema(ref = "DateInput")}.
 */
final class DateInputs {

    private static final String PREFIX = "#/components/schemas/";

    private DateInputs() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
            ? Map.of() : openAPI.getComponents().getSchemas();
        Set<String> inResponses = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(op -> {
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values()
                        .forEach(r -> schemas(r.getContent(), s -> reach(s, named, inResponses)));
                }
                if (op.getRequestBody() != null) {
                    schemas(op.getRequestBody().getContent(), s -> {
                        reach(s, named, inRequests);
                        replaceDates(s);
                    });
                }
            });
        });
        inRequests.removeAll(inResponses);
        inRequests.forEach(name -> replaceDates(named.get(name)));
    }

    private static void schemas(Content content, Consumer<Schema> each) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                if (type.getSchema() != null) {
                    each.accept(type.getSchema());
                }
            }
        }
    }

    /** Collects the names of the component schemas {@code schema} refers to, directly or not. */
    private static void reach(Schema schema, Map<String, Schema> named, Set<String> seen) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
            String name = schema.getRef().substring(PREFIX.length());
            if (seen.add(name)) {
                reach(named.get(name), named, seen);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> reach(p, named, seen));
        }
        reach(schema.getItems(), named, seen);
        reach(schema.getAdditionalPropertiesSchema(), named, seen);
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(s -> reach(s, named, seen));
            }
        }
    }

    private static void replaceDates(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> dates = new java.util.LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            if (isDate(property)) {
                dates.put(name, dateInput(property));
            } else if (property.getItems() != null && isDate(property.getItems())) {
                property.setItems(dateInput(property.getItems()));
            }
        });
        dates.forEach(schema::addProperty);
    }

    private static boolean isDate(Schema s) {
        return s.getRef() == null && "date".equals(s.getFormat()) && s.getType() != null
            && s.getType().contains(Schema.SchemaType.STRING);
    }

    private static Schema dateInput(Schema date) {
        Schema ref = ContractComponents.ref(ContractComponents.DATE_INPUT);
        if (date.getDescription() != null) {
            ref.setDescription(date.getDescription());
        }
        return ref;
    }
}
