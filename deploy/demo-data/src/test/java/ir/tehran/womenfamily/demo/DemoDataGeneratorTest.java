package ir.tehran.womenfamily.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ir.tehran.womenfamily.support.taxonomy.Category;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void todaysScaleExactlyAndTheSameForTheSameSeed() {
        DemoDataGenerator.DemoData data = new DemoDataGenerator(1403, TODAY).generate();
        assertEquals(DemoDataGenerator.WOMEN, data.women().size());
        assertEquals(DemoDataGenerator.CHILDREN, data.children());
        assertEquals(DemoDataGenerator.BUSINESSES, data.businesses().size());
        assertEquals(DemoDataGenerator.CENTRES, data.centres().size());
        assertEquals(22, data.centres().stream().map(DemoDataGenerator.Centre::district).distinct().count());
        assertEquals(Set.of(Category.values()), new HashSet<>(data.businesses().stream()
            .map(DemoDataGenerator.DemoBusiness::category).toList()));
        assertEquals(data.womenCsv(), new DemoDataGenerator(1403, TODAY).generate().womenCsv());
    }

    @Test
    void everyNationalCodeIsValidAndUniqueAndSpellingsVary() {
        DemoDataGenerator.DemoData data = new DemoDataGenerator(7, TODAY).generate();
        Set<String> codes = new HashSet<>();
        for (DemoDataGenerator.Woman w : data.women()) {
            assertTrue(validNationalCode(w.nationalCode()), w.nationalCode());
            assertTrue(codes.add(w.nationalCode()));
        }
        List<List<String>> lines = Arrays.stream(data.womenCsv().split("\n")).map(DemoDataGeneratorTest::fields)
            .toList();
        assertEquals(DemoDataGenerator.IMPORT_COLUMNS, lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.size() == DemoDataGenerator.IMPORT_COLUMNS.size()));
        assertEquals(DemoDataGenerator.CHILDREN + lines.stream().skip(1)
            .filter(l -> l.get(11).isEmpty()).count(), lines.size() - 1);
        String csv = data.womenCsv();
        assertTrue(csv.contains("ي") && csv.contains("ك"), "Arabic letters appear");
        assertTrue(csv.contains("\u200C"), "ZWNJ appears");
        assertTrue(csv.chars().anyMatch(c -> c >= '\u06F0' && c <= '\u06F9'), "Persian digits appear");
        assertTrue(Arrays.stream(csv.split("\n")).anyMatch(l -> l.contains("/")), "Jalali dates appear");
    }

    @Test
    void aFieldIsQuotedOnlyWhenItMustBe() {
        assertEquals("تهران، منطقه ۵", DemoDataGenerator.quote("تهران، منطقه ۵"));
        assertEquals("\"a, b\"", DemoDataGenerator.quote("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", DemoDataGenerator.quote("say \"hi\""));
    }

    /** Ten Latin digits, not all the same, with the check digit of the national code. */
    private static boolean validNationalCode(String code) {
        if (!code.matches("[0-9]{10}") || code.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (code.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return code.charAt(9) - '0' == (r < 2 ? r : 11 - r);
    }

    /** The fields of one CSV line (RFC 4180 quoting). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
