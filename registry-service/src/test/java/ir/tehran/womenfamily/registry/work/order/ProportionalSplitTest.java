package ir.tehran.womenfamily.registry.work.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ProportionalSplitTest {

    @Test
    void theRialsLeftOverGoToTheLargestRemaindersAndTheSumIsExact() {
        // 7.5, 5 and 2.5 hours (in hundredths) share 1,000,001 rials: exact shares 500000.67, 333333.78, 166666.89
        Map<String, Long> parts = ProportionalSplit.split(1_000_001L, Map.of("a", 750L, "b", 500L, "c", 250L));
        assertEquals(Map.of("a", 500_000L, "b", 333_334L, "c", 166_667L), parts);
        assertEquals(1_000_001L, parts.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void equalRemaindersGoByKeyOrderWhateverTheInputOrder() {
        Map<String, Long> forward = new LinkedHashMap<>();
        forward.put("x", 1L);
        forward.put("y", 1L);
        forward.put("z", 1L);
        Map<String, Long> backward = new LinkedHashMap<>();
        backward.put("z", 1L);
        backward.put("y", 1L);
        backward.put("x", 1L);
        assertEquals(Map.of("x", 34L, "y", 33L, "z", 33L), ProportionalSplit.split(100, forward));
        assertEquals(ProportionalSplit.split(100, forward), ProportionalSplit.split(100, backward));
    }

    @Test
    void manyRandomSplitsAlwaysAddUpAndNoPartIsMoreThanOneRialFromItsExactShare() {
        Random random = new Random(1403);
        for (int run = 0; run < 500; run++) {
            Map<Integer, Long> weights = new TreeMap<>();
            int people = 1 + random.nextInt(40);
            for (int i = 0; i < people; i++) {
                weights.put(i, 1L + random.nextInt(1200));
            }
            long amount = (long) (random.nextDouble() * 50_000_000_000L);
            Map<Integer, Long> parts = ProportionalSplit.split(amount, weights);
            assertEquals(amount, parts.values().stream().mapToLong(Long::longValue).sum());
            long total = weights.values().stream().mapToLong(Long::longValue).sum();
            for (var e : weights.entrySet()) {
                double exact = (double) amount * e.getValue() / total;
                double diff = parts.get(e.getKey()) - exact;
                assertEquals(true, diff > -1.0001 && diff < 1.0001, "part " + parts.get(e.getKey()) + " vs " + exact);
            }
        }
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        Map<String, Long> parts = ProportionalSplit.split(Long.MAX_VALUE / 2, Map.of("a", 999_999L, "b", 1L));
        assertEquals(Long.MAX_VALUE / 2, parts.get("a") + parts.get("b"));
    }

    @Test
    void nobodyOrAZeroWeightIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProportionalSplit.split(10, Map.<String, Long>of()));
        assertThrows(IllegalArgumentException.class, () -> ProportionalSplit.split(10, Map.of("a", 0L)));
        assertThrows(IllegalArgumentException.class, () -> ProportionalSplit.split(-1, Map.of("a", 1L)));
    }
}
