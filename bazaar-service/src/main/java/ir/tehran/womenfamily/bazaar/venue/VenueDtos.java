package ir.tehran.womenfamily.bazaar.venue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for venues. */
public final class VenueDtos {

    private VenueDtos() {
    }

    @Schema(name = "Venue", description = "A venue as the public sees it.")
    public record VenueView(UUID id, String code, Venue.Kind kind, String nameFa, String nameEn, int district,
            BigDecimal latitude, BigDecimal longitude, int areaM2, String openingHours, boolean wheelchairAccessible,
            String metroStation, int totalStalls, List<StallTypeView> stallTypes) {

        public static VenueView of(Venue v) {
            return new VenueView(v.id, v.code, v.kind, v.nameFa, v.nameEn, v.district, v.latitude, v.longitude,
                v.areaM2, v.openingHours, v.wheelchairAccessible, v.metroStation, v.totalStalls(),
                v.stallTypes.stream().map(StallTypeView::of).toList());
        }
    }

    @Schema(name = "StallType", description = "One kind of stall at a venue and how many there are.")
    public record StallTypeView(String code, BigDecimal sizeM2, int count, boolean power, boolean cooking,
            boolean shelter) {

        public static StallTypeView of(VenueStallType t) {
            return new StallTypeView(t.code, t.sizeM2, t.count, t.power, t.cooking, t.shelter);
        }
    }

    @Schema(name = "CreateVenue", description = "A new venue with its stall inventory.")
    public record CreateVenue(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}") String code,
            @NotNull Venue.Kind kind,
            @NotBlank @Size(max = 200) String nameFa,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull @Min(1) @Max(22) Integer district,
            @NotNull @DecimalMin("35.4") @DecimalMax("36.0") BigDecimal latitude,
            @NotNull @DecimalMin("51.0") @DecimalMax("51.8") BigDecimal longitude,
            @NotNull @Min(1) @Max(100000) Integer areaM2,
            @Pattern(regexp = "\\d{2}:\\d{2}-\\d{2}:\\d{2}") String openingHours,
            Boolean wheelchairAccessible,
            @Pattern(regexp = "[a-z0-9-]{2,40}") String metroStation,
            @NotEmpty @Size(max = 10) List<@Valid @NotNull StallTypeInput> stallTypes) {
    }

    @Schema(name = "StallTypeInput")
    public record StallTypeInput(
            @NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}") String code,
            @NotNull @DecimalMin("1.0") @DecimalMax("100.0") BigDecimal sizeM2,
            @NotNull @Min(0) @Max(1000) Integer count,
            boolean power, boolean cooking, boolean shelter) {
    }
}
