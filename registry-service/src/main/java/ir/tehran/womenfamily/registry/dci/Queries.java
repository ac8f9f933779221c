package ir.tehran.womenfamily.registry.dci;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the three DCI query types into what this registry can answer: the national code a woman is searched
 * by. {@code idtype-value} names it with a type {@code NATIONAL_CODE} (or {@code NIN}, {@code UIN}); an
 * {@code expression} ({@code {$and: [{national_code: {$eq: ...}}]}}) and a {@code predicate}
 * ({@code national_code eq ...}) may name it too. Any other attribute or operator is refused
 * ({@link IllegalArgumentException}, answered {@code rjct.search_criteria.invalid}): an agency cannot list
 * women by their attributes.
 */
final class Queries {

    private Queries() {
    }

    /** The national code searched for; empty when the query names none that could match. */
    static Optional<String> nationalCode(JsonNode criteria) {
        if (!criteria.isObject()) {
            throw new IllegalArgumentException("no search_criteria");
        }
        String type = Envelopes.text(criteria, "query_type");
        JsonNode query = criteria.path("query");
        if (type == null) {
            throw new IllegalArgumentException("no query_type");
        }
        String entity = Envelopes.text(criteria, "response_entity");
        if (entity != null && !"Member".equals(entity)) {
            throw new IllegalArgumentException("only Member records");
        }
        return switch (type) {
            case "idtype-value" -> idTypeValue(query);
            case "expression" -> expression(query);
            case "predicate" -> predicate(query);
            default -> throw new IllegalArgumentException("unknown query_type " + type);
        };
    }

    private static Optional<String> idTypeValue(JsonNode query) {
        String type = Envelopes.text(query, "type");
        JsonNode value = query.path("value");
        if (type == null || !DciSearch.NATIONAL_CODE_TYPES.contains(type.toUpperCase(Locale.ROOT))
                || !(value.isTextual() || value.isNumber())) {
            throw new IllegalArgumentException("idtype-value needs a national code");
        }
        return Optional.of(value.asText());
    }

    /** {@code {type, value: {expression: {collection, query}}}}: conditions joined by {@code $and}. */
    private static Optional<String> expression(JsonNode query) {
        JsonNode expression = query.path("value").path("expression");
        String collection = Envelopes.text(expression, "collection");
        if (collection != null && !Set.of("Person", "Member").contains(collection)) {
            throw new IllegalArgumentException("collection " + collection);
        }
        return conditions(expression.path("query"), null);
    }

    private static Optional<String> conditions(JsonNode query, String code) {
        if (!query.isObject() || query.isEmpty()) {
            throw new IllegalArgumentException("empty expression");
        }
        String found = code;
        Iterator<Map.Entry<String, JsonNode>> fields = query.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if ("$and".equals(field.getKey()) && field.getValue().isArray()) {
                for (JsonNode part : field.getValue()) {
                    found = same(found, conditions(part, found).orElse(null));
                }
                continue;
            }
            if (!DciSearch.NATIONAL_CODE_ATTRIBUTES.contains(field.getKey())) {
                throw new IllegalArgumentException("attribute " + field.getKey());
            }
            JsonNode condition = field.getValue();
            JsonNode value = condition.isObject() ? condition.path("$eq") : condition;
            if (condition.isObject() && condition.size() != 1 || !(value.isTextual() || value.isNumber())) {
                throw new IllegalArgumentException("only $eq on the national code");
            }
            found = same(found, value.asText());
        }
        return Optional.ofNullable(found);
    }

    /** {@code [{seq_num, expression1, condition, expression2}]}: every expression {@code national_code eq}. */
    private static Optional<String> predicate(JsonNode query) {
        if (!query.isArray() || query.isEmpty()) {
            throw new IllegalArgumentException("empty predicate");
        }
        String found = null;
        for (JsonNode item : query) {
            String condition = Envelopes.text(item, "condition");
            if (condition != null && !"and".equals(condition)) {
                throw new IllegalArgumentException("condition " + condition);
            }
            for (String name : new String[] {"expression1", "expression2"}) {
                JsonNode e = item.path(name);
                if (e.isMissingNode() || e.isNull()) {
                    continue;
                }
                String attribute = Envelopes.text(e, "attribute_name");
                JsonNode value = e.path("attribute_value");
                if (attribute == null || !DciSearch.NATIONAL_CODE_ATTRIBUTES.contains(attribute)
                        || !"eq".equals(Envelopes.text(e, "operator")) || !(value.isTextual() || value.isNumber())) {
                    throw new IllegalArgumentException("only national_code eq");
                }
                found = same(found, value.asText());
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no condition");
        }
        return Optional.of(found);
    }

    /** Two conditions on the national code: the same code, or nothing can match both. */
    private static String same(String a, String b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        throw new IllegalArgumentException("two national codes");
    }

    /** {@code sort: [{attribute_name, sort_order}]} with known attributes and asc/desc. */
    static boolean validSort(JsonNode sort, Set<String> sortable) {
        if (sort.isMissingNode() || sort.isNull()) {
            return true;
        }
        if (!sort.isArray()) {
            return false;
        }
        for (JsonNode s : sort) {
            String order = Envelopes.text(s, "sort_order");
            if (!sortable.contains(Envelopes.text(s, "attribute_name"))
                    || order != null && !Set.of("asc", "desc").contains(order)) {
                return false;
            }
        }
        return true;
    }

    /** {@code {page_size, page_number}} as {size, number}; defaults 10 and 1; null when out of range. */
    static int[] page(JsonNode pagination, int maxSize) {
        if (pagination.isMissingNode() || pagination.isNull()) {
            return new int[] {10, 1};
        }
        JsonNode size = pagination.path("page_size");
        JsonNode number = pagination.path("page_number");
        int s = size.isMissingNode() ? 10 : whole(size);
        int n = number.isMissingNode() ? 1 : whole(number);
        return s < 1 || s > maxSize || n < 1 ? null : new int[] {s, n};
    }

    private static int whole(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt() ? n.asInt() : -1;
    }
}
