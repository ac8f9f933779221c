package ir.tehran.womenfamily.bazaar.bazaar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.bazaar.venue.Venue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.DateInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for bazaars. Dates go out as ISO and Jalali; one field per date takes either in. */
public final class BazaarDtos {

    private BazaarDtos() {
    }

    @Schema(name = "CreateBazaar", description = "A new bazaar (it starts as a draft). Give each date as ISO "
        + "(2024-03-06) or Jalali (1402-12-16).")
    public record CreateBazaar(
            @NotNull Bazaar.Kind kind,
            @Pattern(regexp = "[a-z0-9-]{2,40}") String occasion,
            @NotBlank @Size(max = 200) String nameFa,
            @NotBlank @Size(max = 200) String nameEn,
            @JsonDeserialize(using = DateInput.class) LocalDate startDate,
            @JsonDeserialize(using = DateInput.class) LocalDate endDate,
            @JsonDeserialize(using = DateInput.class) LocalDate applicationsOpen,
            @JsonDeserialize(using = DateInput.class) LocalDate applicationsClose,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull VenueOffer> venues) {
    }

    @Schema(name = "VenueOffer", description = "A venue taking part: the stalls it offers each day (default: all "
        + "it has free), and the cap on one category's share of its stalls.")
    public record VenueOffer(
            @NotNull UUID venueId,
            @Min(1) @Max(100) Integer categoryCapPercent,
            @Min(1) @Max(10000) Integer stallsPerDay,
            @Min(0) @Max(10000) Integer powerStallsPerDay,
            @Min(0) @Max(10000) Integer cookingStallsPerDay,
            @Schema(description = "The days it takes part (ISO or Jalali); default every day of the bazaar")
            @Size(max = 400) List<@NotBlank String> days) {
    }

    @Schema(name = "VenueChange", description = "What a venue offers in a planned bazaar: the stalls each day "
        + "(default: all it has free), the days (default: every day of the bazaar), the cap on one category's share.")
    public record VenueChange(
            @Min(1) @Max(100) Integer categoryCapPercent,
            @Min(1) @Max(10000) Integer stallsPerDay,
            @Min(0) @Max(10000) Integer powerStallsPerDay,
            @Min(0) @Max(10000) Integer cookingStallsPerDay,
            @Schema(description = "The days it takes part (ISO or Jalali); default every day of the bazaar")
            @Size(max = 400) List<@NotBlank String> days) {
    }

    @Schema(name = "BazaarTransition", description = "Move a bazaar along draft → open → allocating → published → "
        + "running → closed.")
    public record Transition(@NotNull Bazaar.Status to) {
    }

    @Schema(name = "Bazaar")
    public record BazaarView(UUID id, Bazaar.Kind kind, String occasion, String nameFa, String nameEn,
            LocalDate startDate, String startDateJalali, LocalDate endDate, String endDateJalali,
            LocalDate applicationsOpen, String applicationsOpenJalali,
            LocalDate applicationsClose, String applicationsCloseJalali,
            Bazaar.Status status, UUID seriesId, boolean historical, int totalStallDays,
            List<VenueView> venues) {

        /** {@code venueById}: the venues offered, for their names and districts (a missing one shows none). */
        public static BazaarView of(Bazaar b, List<BazaarVenue> venues, List<BazaarVenueDay> days,
                Map<UUID, Venue> venueById) {
            Map<UUID, List<BazaarVenueDay>> byVenue = days.stream()
                .collect(Collectors.groupingBy(d -> d.venueId, LinkedHashMap::new, Collectors.toList()));
            List<VenueView> views = new ArrayList<>();
            for (BazaarVenue bv : venues) {
                Venue v = venueById.get(bv.venueId);
                List<DayView> dayViews = byVenue.getOrDefault(bv.venueId, List.of()).stream().map(DayView::of)
                    .toList();
                views.add(new VenueView(bv.venueId, v == null ? null : v.nameFa, v == null ? null : v.nameEn,
                    v == null ? 0 : v.district, bv.categoryCapPercent, dayViews));
            }
            int total = days.stream().mapToInt(d -> d.stalls).sum();
            return new BazaarView(b.id, b.kind, b.occasion, b.nameFa, b.nameEn,
                b.startDate, Days.jalali(b.startDate), b.endDate, Days.jalali(b.endDate),
                b.applicationsOpen, Days.jalali(b.applicationsOpen),
                b.applicationsClose, Days.jalali(b.applicationsClose),
                b.status, b.seriesId, b.historical, total, views);
        }
    }

    @Schema(name = "BazaarVenue")
    public record VenueView(UUID venueId, String nameFa, String nameEn, int district, int categoryCapPercent,
            List<DayView> days) {
    }

    @Schema(name = "BazaarVenueDay")
    public record DayView(LocalDate day, String dayJalali, int stalls, int powerStalls, int cookingStalls) {

        public static DayView of(BazaarVenueDay d) {
            return new DayView(d.day, Days.jalali(d.day), d.stalls, d.powerStalls, d.cookingStalls);
        }
    }

    /** Payload of {@code bazaar.published} v1: public facts only. */
    public record BazaarPublished(UUID bazaarId, String kind, String occasion, String nameFa, String nameEn,
            LocalDate startDate, String startDateJalali, LocalDate endDate, String endDateJalali,
            LocalDate applicationsClose, String applicationsCloseJalali, List<PublishedVenue> venues) {

        public static BazaarPublished of(Bazaar b, List<BazaarVenueDay> days) {
            Map<UUID, List<BazaarVenueDay>> byVenue = days.stream()
                .collect(Collectors.groupingBy(d -> d.venueId, LinkedHashMap::new, Collectors.toList()));
            List<PublishedVenue> venues = byVenue.entrySet().stream()
                .map(e -> new PublishedVenue(e.getKey(),
                    e.getValue().stream().map(d -> d.day).sorted().toList(),
                    e.getValue().stream().mapToInt(d -> d.stalls).max().orElse(0)))
                .toList();
            return new BazaarPublished(b.id, b.kind.name(), b.occasion, b.nameFa, b.nameEn,
                b.startDate, Days.jalali(b.startDate), b.endDate, Days.jalali(b.endDate),
                b.applicationsClose, Days.jalali(b.applicationsClose), venues);
        }
    }

    /** A venue of a published bazaar and its days. */
    public record PublishedVenue(UUID venueId, List<LocalDate> days, int stallsPerDayMax) {
    }
}
