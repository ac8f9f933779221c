package ir.tehran.womenfamily.registry.work.order;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an amount of integer rials among people in proportion to their weights (hours) so that the parts
 * add up to the amount exactly: each gets the floor of her exact share, and the rials left over (fewer than
 * the number of people) go one each to the largest fractional remainders (the largest-remainder method).
 * Equal remainders are broken by the keys' natural order, so the same input always gives the same answer.
 */
public final class ProportionalSplit {

    private ProportionalSplit() {
    }

    /**
     * @param amount  the whole, zero or more
     * @param weights positive weights by key (iteration order does not matter)
     * @return each key's part, in key order; the parts sum to {@code amount}
     */
    public static <K extends Comparable<K>> Map<K, Long> split(long amount, Map<K, Long> weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("the amount cannot be negative");
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nobody to split among");
        }
        BigInteger total = BigInteger.ZERO;
        for (Long w : weights.values()) {
            if (w == null || w <= 0) {
                throw new IllegalArgumentException("weights must be positive");
            }
            total = total.add(BigInteger.valueOf(w));
        }
        List<Share<K>> shares = new ArrayList<>();
        long given = 0;
        for (Map.Entry<K, Long> e : weights.entrySet()) {
            BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(e.getValue()))
                .divideAndRemainder(total);
            shares.add(new Share<>(e.getKey(), qr[0].longValueExact(), qr[1]));
            given += qr[0].longValueExact();
        }
        long left = amount - given;
        List<Share<K>> byRemainder = new ArrayList<>(shares);
        byRemainder.sort(Comparator.<Share<K>, BigInteger>comparing(Share::remainder).reversed()
            .thenComparing(Share::key));
        Map<K, Long> extra = new java.util.HashMap<>();
        for (int i = 0; i < left; i++) {
            extra.put(byRemainder.get(i).key(), 1L);
        }
        shares.sort(Comparator.comparing(Share::key));
        Map<K, Long> parts = new LinkedHashMap<>();
        for (Share<K> s : shares) {
            parts.put(s.key(), s.floor() + extra.getOrDefault(s.key(), 0L));
        }
        return parts;
    }

    private record Share<K>(K key, long floor, BigInteger remainder) {
    }
}
