package ir.tehran.womenfamily.bazaar.bazaar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.bazaar.venue.Venue;
import ir.tehran.womenfamily.support.jalali.Days;

/** Bazaar entities to the API's shapes and event payloads, in one place. */
public final class BazaarMapper {

    private BazaarMapper() {
    }

    public static BazaarDtos.BazaarView toView(Bazaar b, List<BazaarVenue> venues, List<BazaarVenueDay> days,
            Map<UUID, Venue> venueById) {
        Map<UUID, List<BazaarVenueDay>> byVenue = days.stream()
            .collect(Collectors.groupingBy(d -> d.venueId, LinkedHashMap::new, Collectors.toList()));
        List<BazaarDtos.VenueView> views = new ArrayList<>();
        for (BazaarVenue bv : venues) {
            Venue v = venueById.get(bv.venueId);
            List<BazaarDtos.DayView> dayViews = byVenue.getOrDefault(bv.venueId, List.of()).stream()
                .map(d -> new BazaarDtos.DayView(d.day, Days.jalali(d.day), d.stalls, d.powerStalls,
                    d.cookingStalls))
                .toList();
            views.add(new BazaarDtos.VenueView(bv.venueId, v == null ? null : v.nameFa, v == null ? null : v.nameEn,
                v == null ? 0 : v.district, bv.categoryCapPercent, dayViews));
        }
        int total = days.stream().mapToInt(d -> d.stalls).sum();
        return new BazaarDtos.BazaarView(b.id, b.kind, b.occasion, b.nameFa, b.nameEn,
            b.startDate, Days.jalali(b.startDate), b.endDate, Days.jalali(b.endDate),
            b.applicationsOpen, Days.jalali(b.applicationsOpen),
            b.applicationsClose, Days.jalali(b.applicationsClose),
            b.status, b.seriesId, b.historical, total, views);
    }

    static BazaarDtos.BazaarPublished published(Bazaar b, List<BazaarVenueDay> days) {
        Map<UUID, List<BazaarVenueDay>> byVenue = days.stream()
            .collect(Collectors.groupingBy(d -> d.venueId, LinkedHashMap::new, Collectors.toList()));
        List<BazaarDtos.PublishedVenue> venues = byVenue.entrySet().stream()
            .map(e -> new BazaarDtos.PublishedVenue(e.getKey(),
                e.getValue().stream().map(d -> d.day).sorted().toList(),
                e.getValue().stream().mapToInt(d -> d.stalls).max().orElse(0)))
            .toList();
        return new BazaarDtos.BazaarPublished(b.id, b.kind.name(), b.occasion, b.nameFa, b.nameEn,
            b.startDate, Days.jalali(b.startDate), b.endDate, Days.jalali(b.endDate),
            b.applicationsClose, Days.jalali(b.applicationsClose), venues);
    }

    public static List<LocalDate> daysOf(Bazaar b) {
        return b.startDate.datesUntil(b.endDate.plusDays(1)).toList();
    }
}
