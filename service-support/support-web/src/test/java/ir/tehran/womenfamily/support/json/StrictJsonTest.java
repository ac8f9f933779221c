package ir.tehran.womenfamily.support.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

/** Each way a lax mapper would guess at a body, refused by the shared configuration alone. */
class StrictJsonTest {

    enum Level { COUNSELLING, TRAINING }

    record Child(String name, int age) {
    }

    record Woman(String name, Integer district, Long amount, Boolean active, BigDecimal share, Level level,
            List<String> tags, Map<String, String> notes, List<Child> children) {
    }

    private static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper());

    private static Woman read(String json) throws Exception {
        return JSON.readValue(json, Woman.class);
    }

    private static String q(String json) {
        return json.replace('\'', '"');
    }

    @Test
    void aWellFormedBodyIsReadAsSent() throws Exception {
        Woman w = read(q("{'name':'زهرا 😀','district':5,'amount':1500,'active':true,'share':0.5,"
            + "'level':'TRAINING','tags':['a'],'notes':{'k':'v'},'children':[{'name':'سارا','age':7}]}"));
        assertEquals("زهرا 😀", w.name());
        assertEquals(5, w.district());
        assertEquals(1500L, w.amount());
        assertEquals(new BigDecimal("0.5"), w.share());
        assertEquals(Level.TRAINING, w.level());
        assertEquals(7, w.children().get(0).age());
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertInstanceOf(UnrecognizedPropertyException.class,
            assertThrows(JsonMappingException.class, () -> read(q("{'name':'x','supportLevel':'TRAINING'}"))));
    }

    @Test
    void aTextIsNotANumberNorABoolean() {
        for (String body : List.of("{'district':'5'}", "{'amount':'1500'}", "{'share':'0.5'}", "{'active':'true'}",
                "{'district':''}", "{'children':[{'age':'7'}]}")) {
            MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> read(q(body)), body);
            assertEquals(false, e.getPath().isEmpty(), body);
        }
    }

    @Test
    void aNumberOrABooleanIsNotAText() {
        for (String body : List.of("{'name':5}", "{'name':1.5}", "{'name':true}", "{'tags':[5]}",
                "{'notes':{'k':5}}")) {
            assertThrows(MismatchedInputException.class, () -> read(q(body)), body);
        }
    }

    @Test
    void aFractionIsNotAWholeNumberAndANumberIsNotAnEnumConstant() {
        assertThrows(MismatchedInputException.class, () -> read(q("{'amount':1500.5}")));
        assertThrows(MismatchedInputException.class, () -> read(q("{'amount':1.5e3}")));
        assertThrows(MismatchedInputException.class, () -> read(q("{'active':1}")));
        assertThrows(MismatchedInputException.class, () -> read(q("{'level':1}")));
    }

    @Test
    void aFieldNamedTwiceIsRefused() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
            () -> read(q("{'children':[{'name':'a','age':1},{'name':'b','name':'c','age':2}]}")));
        assertInstanceOf(JsonParseException.class, e.getCause());
        assertThrows(JsonParseException.class, () -> read(q("{'name':'b','name':'c'}")));
        assertThrows(JsonParseException.class, () -> JSON.readTree(q("{'a':1,'a':2}")));
    }

    @Test
    void aNulOrALoneSurrogateInAnyTextIsRefused() {
        for (String body : List.of("{'name':'a\\u0000b'}", "{'name':'\\ud800'}", "{'name':'a\\udc00b'}",
                "{'name':'\\ud83d'}", "{'tags':['ok','\\u0000']}", "{'notes':{'k':'\\ud800x'}}",
                "{'children':[{'name':'\\u0000','age':1}]}")) {
            assertInstanceOf(StrictJson.InvalidText.class,
                assertThrows(InvalidFormatException.class, () -> read(q(body)), body), body);
        }
    }

    @Test
    void onlyAPairedSurrogateIsAText() {
        assertEquals(-1, StrictJson.firstInvalidCharacter("a😀b"));
        assertEquals(-1, StrictJson.firstInvalidCharacter("\ud83d\ude00"));
        assertEquals(1, StrictJson.firstInvalidCharacter("a\ud83d"));
        assertEquals(0, StrictJson.firstInvalidCharacter("\ude00\ud83d"));
        assertEquals(2, StrictJson.firstInvalidCharacter("ab\u0000"));
    }

    @Test
    void nothingMayFollowTheBody() throws Exception {
        assertThrows(MismatchedInputException.class, () -> read(q("{'name':'a'} {'name':'b'}")));
        JsonNode tree = JSON.readTree(q("{'a':1}"));
        assertEquals(1, tree.path("a").asInt());
    }
}
