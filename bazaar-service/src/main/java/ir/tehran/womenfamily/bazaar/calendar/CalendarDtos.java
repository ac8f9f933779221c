package ir.tehran.womenfamily.bazaar.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public calendar: bazaars to come, where, when (ISO and Jalali), and what is sold — never who sells. */
public final class CalendarDtos {

    private CalendarDtos() {
    }

    @Schema(name = "CalendarEntry")
    public record Entry(UUID bazaarId, String kind, String occasion, String nameFa, String nameEn,
            LocalDate startDate, String startDateJalali, LocalDate endDate, String endDateJalali, String status,
            List<Place> venues,
            @Schema(description = "When the bazaar last changed (status, dates, venues)") Instant updatedAt) {
    }

    @Schema(name = "CalendarVenue")
    public record Place(UUID venueId, String kind, String nameFa, String nameEn, int district, String metroStation,
            BigDecimal latitude, BigDecimal longitude, String openingHours, boolean wheelchairAccessible,
            Double distanceKm, List<Day> days, List<Goods> categories) {
    }

    @Schema(name = "CalendarDay")
    public record Day(LocalDate day, String dayJalali) {
    }

    @Schema(name = "CalendarCategory", description = "A category of goods sold at the venue.")
    public record Goods(String code, String nameFa, String nameEn) {
    }
}
