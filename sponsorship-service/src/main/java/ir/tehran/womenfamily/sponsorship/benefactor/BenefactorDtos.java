package ir.tehran.womenfamily.sponsorship.benefactor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Gender;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class BenefactorDtos {

    private BenefactorDtos() {
    }

    @Schema(name = "SponsorPreferences", description = "Which children a sponsor would like to support; every field "
        + "is optional. Matching offers the neediest child who fits them.")
    public record Preferences(@Min(0) @Max(19) Short minAge, @Min(0) @Max(19) Short maxAge, Gender gender,
            @Size(max = 22) List<@NotNull @Min(1) @Max(22) Integer> districts) {

        public static Preferences of(Benefactor b) {
            return new Preferences(b.prefMinAge, b.prefMaxAge, b.prefGender, b.prefDistricts);
        }
    }

    @Schema(name = "NewBenefactor")
    public record NewBenefactor(@NotNull Benefactor.Kind kind,
            @NotBlank @Size(max = 200) String displayName,
            @Pattern(regexp = "^[+0-9۰-۹٠-٩ ()-]{7,20}$") String phone,
            @Email @Size(max = 200) String email,
            @Valid Preferences preferences) {
    }

    @Schema(name = "Benefactor")
    public record BenefactorView(UUID id, Benefactor.Kind kind, String displayName, String phone, String email,
            Preferences preferences, String createdBy, Instant createdAt) {

        public static BenefactorView of(Benefactor b) {
            return new BenefactorView(b.id, b.kind, b.displayName, b.phone, b.email, Preferences.of(b), b.createdBy,
                b.createdAt);
        }
    }
}
