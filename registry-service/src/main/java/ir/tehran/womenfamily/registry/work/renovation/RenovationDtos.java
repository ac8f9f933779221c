package ir.tehran.womenfamily.registry.work.renovation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.jalali.DateInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for the renovation of the centres. Dates in: ISO or Jalali; out: both. */
public final class RenovationDtos {

    private RenovationDtos() {
    }

    @Schema(name = "NewRenovation")
    public record NewRenovation(@NotNull UUID centreId, @NotBlank @Size(max = 2000) String plan,
            @Min(0) @Max(1_000_000_000_000_000L) Long budgetRials,
            @Schema(implementation = String.class, examples = "1403-04-01")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate startsOn,
            @Schema(implementation = String.class, examples = "1403-06-31")
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate endsOn) {
    }

    @Schema(name = "RenovationChange", description = "Absent fields stay; only a plan not done or cancelled changes")
    public record RenovationChange(@Size(min = 1, max = 2000) String plan,
            @Min(0) @Max(1_000_000_000_000_000L) Long budgetRials,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate startsOn,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate endsOn) {
    }

    @Schema(name = "RenovationTransition", description = "IN_PROGRESS (on: the day work began), DONE (on: the day "
        + "it ended, which ends the closed days), CANCELLED")
    public record Move(@NotNull RenovationState to,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate on) {
    }

    @Schema(name = "Renovation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RenovationView(UUID id, UUID centreId, String plan, Long budgetRials, RenovationState state,
            LocalDate startsOn, String startsOnJalali, LocalDate endsOn, String endsOnJalali, String createdBy,
            Instant createdAt, Instant updatedAt, long version) {

        static RenovationView of(Renovation r) {
            return new RenovationView(r.id, r.centreId, r.plan, r.budgetRials, r.state, r.startsOn,
                Days.jalali(r.startsOn), r.endsOn, Days.jalali(r.endsOn), r.createdBy, r.createdAt, r.updatedAt,
                r.version);
        }
    }
}
