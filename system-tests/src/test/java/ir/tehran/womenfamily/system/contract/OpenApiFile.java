package ir.tehran.womenfamily.system.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed form of an OpenAPI document (docs/api/openapi.json): keys sorted at every level, the top-level tags
 * by name (their order carries no meaning and followed the classes' scan), two-space indent, one value a line, a
 * final newline: the layout of {@code jq -S} (numbers as served). The same document always gives the same
 * bytes, so a difference is a difference of the contract.
 */
final class OpenApiFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiFile() {
    }

    static String normalise(String document) {
        try {
            JsonNode sorted = sorted(JSON.readTree(document));
            if (sorted.get("tags") instanceof ArrayNode tags) {
                List<JsonNode> byName = new ArrayList<>();
                tags.forEach(byName::add);
                byName.sort(Comparator.comparing(t -> t.path("name").asText()));
                tags.removeAll();
                tags.addAll(byName);
            }
            return JSON.writer(new Printer()).writeValueAsString(sorted) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON document", e);
        }
    }

    static String version(String document) {
        try {
            return JSON.readTree(document).path("info").path("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jq's layout: {@code "key": value}, one value a line, {@code []} and {@code {}} when empty. */
    private static final class Printer extends DefaultPrettyPrinter {

        private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

        Printer() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            _arrayIndenter = INDENT;
            _objectIndenter = INDENT;
        }

        Printer(Printer base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new Printer(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values > 0) {
                super.writeEndArray(g, values);
            } else {
                _nesting--;
                g.writeRaw(']');
            }
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (entries > 0) {
                super.writeEndObject(g, entries);
            } else {
                _nesting--;
                g.writeRaw('}');
            }
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> fields = new TreeMap<>();
            object.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }
}
