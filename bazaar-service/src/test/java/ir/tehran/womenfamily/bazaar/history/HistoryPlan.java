package ir.tehran.womenfamily.bazaar.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.series.JalaliRecurrence;
import ir.tehran.womenfamily.support.jalali.JalaliDate;

/**
 * A plausible calendar of past bazaars (the directorate held 96 in two years; their dates and venues are
 * not published): each Jalali year an exhibition in the last days of Esfand at every venue, a Yalda
 * bazaar, four seasonal bazaars, and monthly bazaars in one district at a time for the rest.
 */
public final class HistoryPlan {

    private HistoryPlan() {
    }

    /** A venue as the plan needs it. */
    public record VenueInfo(UUID id, int district) {
    }

    /** One planned bazaar. */
    public record Planned(Bazaar.Kind kind, String occasion, LocalDate start, LocalDate end, List<UUID> venues,
            String nameFa, String nameEn) {
    }

    /** {@code count} bazaars ending before {@code end}, spread over {@code count / 48} years (at least one). */
    public static List<Planned> plan(List<VenueInfo> venues, LocalDate end, int count, long seed) {
        Random r = new Random(seed);
        int years = Math.max(1, (count + 47) / 48);
        LocalDate start = end.minusDays(365L * years);
        List<Planned> fixed = new ArrayList<>();
        int lastYear = JalaliDate.of(end.minusDays(1)).year();
        for (int y = lastYear - years; y <= lastYear; y++) {
            for (JalaliRecurrence.Occurrence o : new JalaliRecurrence(JalaliRecurrence.Rule.BEFORE_NOWRUZ, y, y, null,
                    null, 10, 4).occurrences()) {
                fixed.add(new Planned(Bazaar.Kind.EXHIBITION, null, o.start(), o.end(),
                    venues.stream().map(VenueInfo::id).toList(), "نمایشگاه زنان و تولید ملی " + y,
                    "Women and National Production exhibition " + y));
            }
            for (JalaliRecurrence.Occurrence o : new JalaliRecurrence(JalaliRecurrence.Rule.YALDA, y, y, null, null,
                    3, 0).occurrences()) {
                fixed.add(new Planned(Bazaar.Kind.OCCASION, "yalda", o.start(), o.end(), pick(venues, 4, r),
                    "بازارچهٔ یلدا " + y, "Yalda bazaar " + y));
            }
            for (int season = 0; season < 4; season++) {
                LocalDate s = new JalaliDate(y, season * 3 + 2, 10).toGregorian();
                fixed.add(new Planned(Bazaar.Kind.SEASONAL, null, s, s.plusDays(6), pick(venues, 6, r),
                    "بازارچهٔ فصلی " + JalaliDate.of(s), "Seasonal bazaar " + s));
            }
        }
        List<Planned> out = new ArrayList<>(fixed.stream()
            .filter(p -> !p.start().isBefore(start) && p.end().isBefore(end)).toList());
        int monthly = Math.max(0, count - out.size());
        double step = (double) (end.toEpochDay() - start.toEpochDay() - 3) / Math.max(1, monthly);
        for (int i = 0; i < monthly; i++) {
            LocalDate s = start.plusDays((long) (i * step));
            for (Planned f : out) {
                if (!s.isAfter(f.end()) && !s.plusDays(2).isBefore(f.start())) {
                    s = f.end().plusDays(1);
                }
            }
            int district = venues.get(r.nextInt(venues.size())).district();
            List<UUID> inDistrict = venues.stream().filter(v -> v.district() == district).map(VenueInfo::id).toList();
            List<UUID> chosen = new ArrayList<>(inDistrict);
            if (chosen.size() < 2) {
                pick(venues, 2, r).stream().filter(v -> !chosen.contains(v)).limit(2 - chosen.size())
                    .forEach(chosen::add);
            }
            out.add(new Planned(Bazaar.Kind.MONTHLY, null, s, s.plusDays(2), chosen,
                "بازارچهٔ ماهانهٔ منطقهٔ " + district + " " + JalaliDate.of(s), "Monthly bazaar, district " + district
                + ", " + s));
        }
        out.sort(Comparator.comparing(Planned::start));
        return out.size() > count ? List.copyOf(out.subList(out.size() - count, out.size())) : out;
    }

    private static List<UUID> pick(List<VenueInfo> venues, int n, Random r) {
        List<VenueInfo> copy = new ArrayList<>(venues);
        java.util.Collections.shuffle(copy, r);
        return copy.stream().limit(n).map(VenueInfo::id).toList();
    }
}
