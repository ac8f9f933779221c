package ir.tehran.womenfamily.registry.household;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import ir.tehran.womenfamily.support.jalali.DateInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for a household. */
public final class HouseholdDtos {

    private HouseholdDtos() {
    }

    @Schema(name = "AddChild")
    public record AddChild(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Schema(description = "When known") @Size(max = 20) String nationalCode,
            @Schema(description = "ISO or Jalali", implementation = String.class)
            @NotNull @JsonDeserialize(using = DateInput.class) LocalDate birthDate,
            @NotNull Child.Gender gender,
            @Min(0) @Max(12) Short grade) {
    }

    @Schema(name = "UpdateChild", description = "Absent fields stay as they are.")
    public record UpdateChild(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Size(max = 20) String nationalCode,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate birthDate,
            Child.Gender gender,
            @Min(0) @Max(12) Short grade) {
    }

    @Schema(name = "Child")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChildView(UUID id, UUID motherId, String firstName, String lastName, String nationalCode,
            LocalDate birthDate, String birthDateJalali, Child.Gender gender, Short grade, long version) {
    }

    @Schema(name = "AddDependant")
    public record AddDependant(@NotBlank @Size(max = 200) String fullName, @NotNull Dependant.Relation relation,
            @Schema(implementation = String.class) @JsonDeserialize(using = DateInput.class) LocalDate birthDate) {
    }

    @Schema(name = "Dependant")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DependantView(UUID id, String fullName, Dependant.Relation relation, LocalDate birthDate,
            String birthDateJalali) {
    }

    @Schema(name = "RemoveChild")
    public record RemoveChild(@NotBlank @Size(max = 500) String reason) {
    }
}
