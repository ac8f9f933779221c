package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for beneficiaries; entities never leave the service. */
public final class BeneficiaryDtos {

    private BeneficiaryDtos() {
    }

    @Schema(name = "RegisterBeneficiary", description = "A woman head of household to register.")
    public record RegisterBeneficiary(
            @Schema(description = "National code (کد ملی), Latin or Persian digits", examples = "0012345679")
            @NotBlank @Size(max = 20) String nationalCode,
            @Schema(description = "First name", examples = "زهرا") @NotBlank @Size(max = 100) String firstName,
            @Schema(description = "Last name", examples = "محمدی") @NotBlank @Size(max = 100) String lastName) {
    }

    @Schema(name = "Beneficiary", description = "A registered woman head of household.")
    public record BeneficiaryView(UUID id, String nationalCode, String firstName, String lastName,
            Instant registeredAt,
            @Schema(description = "Registration date in the Solar Hijri calendar", examples = "1403-07-15")
            String registeredOn) {
    }
}
