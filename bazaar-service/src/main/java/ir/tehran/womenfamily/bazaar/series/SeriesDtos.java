package ir.tehran.womenfamily.bazaar.series;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for series. */
public final class SeriesDtos {

    private SeriesDtos() {
    }

    @Schema(name = "CreateSeries", description = "A recurrence in Jalali terms: monthly in a district, the last days "
        + "of Esfand before Nowruz, Yalda night, or a yearly date. Give the venues, or a district whose venues take "
        + "part. The bazaars it generates never double-book a venue's stalls: a day gets only the stalls still free.")
    public record CreateSeries(
            @NotBlank @Size(max = 200) String nameFa,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull Bazaar.Kind kind,
            @Pattern(regexp = "[a-z0-9-]{2,40}") String occasion,
            @NotNull JalaliRecurrence.Rule rule,
            @NotNull @Min(1390) @Max(1420) Integer fromYear,
            @NotNull @Min(1390) @Max(1420) Integer toYear,
            @Min(1) @Max(12) Integer month,
            @Min(1) @Max(31) Integer dayOfMonth,
            @Min(1) @Max(31) Integer durationDays,
            @Min(0) @Max(20) Integer daysBeforeNowruz,
            @Min(1) @Max(22) Integer district,
            @Size(max = 50) List<@NotNull UUID> venueIds,
            @Min(1) @Max(10000) Integer stallsPerDay,
            @Min(1) @Max(100) Integer categoryCapPercent,
            @Schema(description = "Days before each bazaar that applications open (default 30)")
            @Min(1) @Max(180) Integer applicationsOpenDaysBefore) {
    }

    @Schema(name = "Series")
    public record SeriesView(UUID id, String nameFa, String nameEn, Bazaar.Kind kind, JalaliRecurrence.Rule rule,
            List<Generated> bazaars, List<Skipped> skipped) {
    }

    @Schema(name = "GeneratedBazaar")
    public record Generated(UUID bazaarId, LocalDate startDate, String startDateJalali, LocalDate endDate,
            String endDateJalali, int stallDays) {
    }

    @Schema(name = "SkippedOccurrence", description = "An occurrence whose venues had no stall free on any day.")
    public record Skipped(LocalDate startDate, String startDateJalali) {
    }
}
