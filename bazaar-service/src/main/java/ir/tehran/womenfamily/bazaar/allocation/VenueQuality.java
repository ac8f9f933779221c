package ir.tehran.womenfamily.bazaar.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.support.jalali.JalaliDate;

/**
 * How good a venue is in a season, from its record: sales per stall-day and visitors per day, each ranked
 * among the venues with a record in that season, averaged into 0 (the weakest) to 1 (the best). A venue with
 * no record in the season is judged by its record in every season; one with no record at all is 0.5.
 */
public final class VenueQuality {

    private final Map<VenueSeason, Double> bySeason = new HashMap<>();
    private final Map<UUID, Double> overall = new HashMap<>();

    /** A venue in one season. */
    private record VenueSeason(UUID venueId, int season) {
    }

    private VenueQuality() {
    }

    /** The Jalali season of a day: 0 spring (Farvardin–Khordad), 1 summer, 2 autumn, 3 winter. */
    public static int season(LocalDate day) {
        return (JalaliDate.of(day).month() - 1) / 3;
    }

    /** One venue-day of the record: stalls used, sales in rials, visitors (null when not reported). */
    public record DayRecord(UUID venueId, LocalDate day, int stalls, long salesRials, Integer visitors) {
    }

    public static VenueQuality of(Collection<DayRecord> records) {
        VenueQuality q = new VenueQuality();
        Map<Integer, List<DayRecord>> bySeason = new HashMap<>();
        for (DayRecord r : records) {
            bySeason.computeIfAbsent(season(r.day()), s -> new ArrayList<>()).add(r);
        }
        bySeason.forEach((season, rs) -> rank(rs).forEach((venue, value) -> q.bySeason.put(new VenueSeason(venue,
            season), value)));
        q.overall.putAll(rank(records));
        return q;
    }

    public double of(UUID venueId, LocalDate day) {
        Double v = bySeason.get(new VenueSeason(venueId, season(day)));
        if (v != null) {
            return v;
        }
        return overall.getOrDefault(venueId, 0.5);
    }

    private static Map<UUID, Double> rank(Collection<DayRecord> records) {
        Map<UUID, long[]> sums = new HashMap<>();
        for (DayRecord r : records) {
            long[] s = sums.computeIfAbsent(r.venueId(), v -> new long[4]);
            s[0] += r.stalls();
            s[1] += r.salesRials();
            if (r.visitors() != null) {
                s[2] += r.visitors();
                s[3]++;
            }
        }
        Map<UUID, Double> sales = percentile(sums, s -> s[0] == 0 ? 0 : (double) s[1] / s[0]);
        Map<UUID, Double> footfall = percentile(sums, s -> s[3] == 0 ? 0 : (double) s[2] / s[3]);
        Map<UUID, Double> out = new HashMap<>();
        sums.keySet().forEach(v -> out.put(v, (sales.get(v) + footfall.get(v)) / 2));
        return out;
    }

    private static Map<UUID, Double> percentile(Map<UUID, long[]> sums, java.util.function.ToDoubleFunction<long[]> f) {
        List<Map.Entry<UUID, long[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort((a, b) -> Double.compare(f.applyAsDouble(a.getValue()), f.applyAsDouble(b.getValue())));
        Map<UUID, Double> out = new HashMap<>();
        int n = entries.size();
        for (int i = 0; i < n; i++) {
            out.put(entries.get(i).getKey(), n == 1 ? 0.5 : (double) i / (n - 1));
        }
        return out;
    }
}
