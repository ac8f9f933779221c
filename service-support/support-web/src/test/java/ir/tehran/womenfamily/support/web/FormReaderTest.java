package ir.tehran.womenfamily.support.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ir.tehran.womenfamily.support.problem.Problem;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.problem.ProblemMappers;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A form body is read as the REST layer reads it, and one with a broken percent-encoding is a 400, not a 500. */
class FormReaderTest {

    @Test
    void aBrokenPercentEncodingInAFormIsA400() {
        for (String body : List.of("token=%ZZ", "token=%", "token=a%2")) {
            ProblemException e = assertThrows(ProblemException.class, () -> read(body), body);
            Response answer = new ProblemMappers().problem(e, null, null);
            assertEquals(400, answer.getStatus(), body);
            String type = ((Problem) answer.getEntity()).type();
            assertEquals(Problem.TYPE_BASE + "malformed-form", type, body);
        }
    }

    @Test
    void aWellFormedFormIsDecoded() throws IOException {
        MultivaluedMap<String, String> form = read("grant_type=password&token=a%20b+c&scope=x&scope=y");
        assertEquals(List.of("password"), form.get("grant_type"));
        assertEquals(List.of("a b c"), form.get("token"));
        assertEquals(List.of("x", "y"), form.get("scope"));
    }

    @SuppressWarnings("unchecked")
    private static MultivaluedMap<String, String> read(String body) throws IOException {
        return new FormReader().readFrom(MultivaluedMap.class, MultivaluedMap.class, new Annotation[0],
            MediaType.APPLICATION_FORM_URLENCODED_TYPE, null,
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
