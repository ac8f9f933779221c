package ir.tehran.womenfamily.registry.agencycheck;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the inter-agency duplicate check. */
public final class AgencyCheckDtos {

    private AgencyCheckDtos() {
    }

    @Schema(name = "EnrolmentCheck", description = "The keyed HMAC of a national code; never the code itself.")
    public record EnrolmentCheck(
            @Schema(description = "Lower- or upper-case hex of HMAC-SHA256(key, the ten ASCII digits of the code)",
                examples = "3f0c2b7d9e4a61c8b5f2e0d7a9c3b1e4f6a8d0c2e4b6a8f0d2c4e6a8b0d2f4e6")
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "{validation.agency-check.hmac}")
            String nationalCodeHmac,
            @Schema(description = "The id of the key used; the current key when absent")
            @Size(max = 40) String keyId) {
    }

    @Schema(name = "EnrolmentAnswer", description = "Enrolled or not, and since when; nothing else.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EnrolmentAnswer(boolean enrolled,
            @Schema(description = "The day she was registered (Tehran); only when enrolled and she consented to "
                + "share with the calling agency (SHARE_WITH_AGENCY)") LocalDate since,
            @Schema(description = "The same day in the Solar Hijri calendar", examples = "1403-07-15")
            String sinceJalali) {
    }
}
