package ir.tehran.womenfamily.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    record Line(@Min(1) int quantity) {
    }

    record Order(@NotBlank String name, List<@Valid @NotNull Line> lines, List<@NotBlank String> tags) {
    }

    @Test
    void aFieldOfAListElementIsNamedAfterTheElement() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        Set<String> paths = new TreeSet<>();
        validator.validate(new Order("", List.of(new Line(1), new Line(0)), List.of("a", " ")))
            .forEach(v -> paths.add(ProblemMappers.fieldPath(v)));
        assertEquals(Set.of("name", "lines[1].quantity", "tags[1]"), paths);
    }
}
