package ir.tehran.womenfamily.registry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.registry.transfer.Csv;
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
            assertTrue(NationalCode.canonical(w.nationalCode()).isPresent(), w.nationalCode());
            assertTrue(codes.add(w.nationalCode()));
        }
        List<Csv.Line> lines = Csv.parse(data.womenCsv());
        assertEquals(DemoDataGenerator.CHILDREN + lines.stream().skip(1)
            .filter(l -> l.fields().get(11).isEmpty()).count(), lines.size() - 1);
        String csv = data.womenCsv();
        assertTrue(csv.contains("ي") && csv.contains("ك"), "Arabic letters appear");
        assertTrue(csv.contains("\u200C"), "ZWNJ appears");
        assertTrue(csv.chars().anyMatch(c -> c >= '\u06F0' && c <= '\u06F9'), "Persian digits appear");
        assertTrue(Arrays.stream(csv.split("\n")).anyMatch(l -> l.contains("/")), "Jalali dates appear");
    }
}
