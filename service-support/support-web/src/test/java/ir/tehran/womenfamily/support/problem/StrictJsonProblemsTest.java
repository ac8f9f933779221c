package ir.tehran.womenfamily.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import ir.tehran.womenfamily.support.json.StrictJson;
import org.junit.jupiter.api.Test;

/** How the refusals of {@link StrictJson} are told apart and located for the problem's field list. */
class StrictJsonProblemsTest {

    record Child(String name, int age) {
    }

    record Woman(String name, Integer district, List<Child> children) {
    }

    record Ref(java.util.UUID id) {
    }

    private static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper());

    @Test
    void aDuplicateIsNamedByItsPath() {
        assertEquals("children[1].age", duplicate("{\"children\":[{\"name\":\"a\",\"age\":1},{\"age\":2,\"age\":3}]}"));
        assertEquals("district", duplicate("{\"district\":5,\"name\":\"a\",\"district\":7}"));
        JsonParseException tree = assertThrows(JsonParseException.class,
            () -> JSON.readTree("{\"a\":{\"b\":[1,{\"c\":1,\"c\":2}]}}"));
        assertEquals("a.b[1].c", ProblemMappers.duplicateField(tree));
    }

    /** Jackson wraps the parser's refusal when a deserializer was reading the object: the cause is read. */
    private static String duplicate(String json) {
        Exception e = assertThrows(Exception.class, () -> JSON.readValue(json, Woman.class));
        JsonParseException parse = e instanceof JsonParseException p ? p : (JsonParseException) e.getCause();
        return ProblemMappers.duplicateField(parse);
    }

    @Test
    void anotherParseErrorIsNoDuplicate() {
        JsonParseException broken = assertThrows(JsonParseException.class,
            () -> JSON.readValue("{\"name\":\"a\",\"district\": }", Woman.class));
        assertNull(ProblemMappers.duplicateField(broken));
    }

    @Test
    void aTextForANumberAndANumberForATextAreWrongTypes() {
        MismatchedInputException text = assertThrows(MismatchedInputException.class,
            () -> JSON.readValue("{\"district\":\"5\"}", Woman.class));
        assertTrue(ProblemMappers.isWrongType(text));
        MismatchedInputException number = assertThrows(MismatchedInputException.class,
            () -> JSON.readValue("{\"name\":5}", Woman.class));
        assertTrue(ProblemMappers.isWrongType(number));
        MismatchedInputException badId = assertThrows(MismatchedInputException.class,
            () -> JSON.readValue("{\"id\":\"not-a-uuid\"}", Ref.class));
        assertFalse(ProblemMappers.isWrongType(badId));
        InvalidFormatException nul = assertThrows(InvalidFormatException.class,
            () -> JSON.readValue("{\"name\":\"\\u0000\"}", Woman.class));
        assertFalse(ProblemMappers.isWrongType(nul));
    }
}
