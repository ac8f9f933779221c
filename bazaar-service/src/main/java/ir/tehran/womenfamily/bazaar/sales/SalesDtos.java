package ir.tehran.womenfamily.bazaar.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.jalali.DateInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import ir.tehran.womenfamily.bazaar.producer.Publication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for sales and footfall. */
public final class SalesDtos {

    private SalesDtos() {
    }

    @Schema(name = "ReportSales", description = "Her sales on one day she had a stall, in rials (an integer). "
        + "Reporting the same day again replaces the figure.")
    public record ReportSales(@NotNull UUID businessId, @JsonDeserialize(using = DateInput.class) LocalDate day,
            @NotNull @Min(0) @Max(1_000_000_000_000L) Long amountRials) {
    }

    @Schema(name = "Sales")
    public record SalesView(UUID bazaarId,
            @Schema(description = Publication.BUSINESS_ID) UUID businessId,
            @Schema(description = Publication.PRODUCER_CATEGORY) String producerCategory, LocalDate day,
            String dayJalali, long amountRials,
            Instant reportedAt) {

        /** {@code producer}: the business as the caller may see it ({@link Publication} decides). */
        public static SalesView of(SalesReport s, Publication.Shown producer) {
            return new SalesView(s.bazaarId, producer.businessId(), producer.category(), s.day, Days.jalali(s.day),
                s.amountRials, s.reportedAt);
        }
    }

    @Schema(name = "ReportFootfall", description = "Visitors counted at one venue on one day.")
    public record ReportFootfall(@NotNull UUID venueId, @JsonDeserialize(using = DateInput.class) LocalDate day,
            @NotNull @Min(0) @Max(10_000_000) Integer visitors) {
    }

    @Schema(name = "Footfall")
    public record FootfallView(UUID bazaarId, UUID venueId, LocalDate day, String dayJalali, int visitors,
            @Schema(description = "Send as If-Match to change this report") long version) {

        public static FootfallView of(Footfall f) {
            return new FootfallView(f.bazaarId, f.venueId, f.day, Days.jalali(f.day), f.visitors, f.version);
        }
    }
}
