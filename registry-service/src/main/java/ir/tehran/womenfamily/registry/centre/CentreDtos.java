package ir.tehran.womenfamily.registry.centre;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The API's shapes for workshop centres. */
public final class CentreDtos {

    private CentreDtos() {
    }

    /** A centre as shown. */
    public record CentreView(UUID id, String code, String name, short district, String address, int capacity,
            WorkshopCentre.Renovation renovationState, Short builtYear, long version) {

        static CentreView of(WorkshopCentre c) {
            return new CentreView(c.id, c.code, c.name, c.district, c.address, c.capacity, c.renovationState,
                c.builtYear, c.version);
        }
    }

    /** A new centre. */
    public record NewCentre(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name,
            @NotNull @Min(1) @Max(22) Short district, @Size(max = 500) String address,
            @NotNull @Min(0) @Max(10000) Integer capacity, WorkshopCentre.Renovation renovationState,
            @Min(1300) @Max(1500) Short builtYear) {
    }

    /** Changes to a centre; absent fields stay. */
    public record CentreChange(@Size(min = 1, max = 200) String name, @Size(max = 500) String address,
            @Min(0) @Max(10000) Integer capacity, WorkshopCentre.Renovation renovationState) {
    }
}
