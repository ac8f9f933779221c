package ir.tehran.womenfamily.bazaar.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the reports. Money is in rials (integers); rates are per stall-day or per venue-day. */
public final class ReportDtos {

    private ReportDtos() {
    }

    @Schema(name = "BazaarReport", description = "One bazaar: stalls offered and used, attendance, sales, visitors.")
    public record BazaarReport(UUID bazaarId, String kind, String nameFa, String nameEn, LocalDate startDate,
            String startDateJalali, LocalDate endDate, String endDateJalali, String status, long stallDaysOffered,
            long stallDaysAssigned, long producersPlaced, long waitlisted, long confirmed, long noShows,
            long salesRials, long visitors, List<VenueRow> byVenue, List<CategoryRow> byCategory) {
    }

    @Schema(name = "VenueReportRow")
    public record VenueRow(UUID venueId, String nameFa, String nameEn, long stallDays, long salesRials,
            long visitors, long salesPerStallDay) {
    }

    @Schema(name = "CategoryReportRow", description = "A category of goods (never a person).")
    public record CategoryRow(String category, String nameFa, String nameEn, long producers, long stallDays,
            long salesRials) {
    }

    @Schema(name = "KindReportRow", description = "Bazaars of one kind in a period: the comparison of temporary, "
        + "seasonal and permanent bazaars the directorate draws.")
    public record KindRow(String kind, long bazaars, long stallDays, long salesRials, long salesPerStallDay,
            long visitorsPerVenueDay, double noShowRate) {
    }
}
