package ir.tehran.womenfamily.registry.agencycheck;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the inter-agency duplicate check. */
public final class AgencyCheckDtos {

    /** The most codes one batch may carry. */
    public static final int MAX_BATCH = 100;

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

    @Schema(name = "EnrolmentBatchCheck", description = "Up to 100 keyed HMACs of national codes, all made with one "
        + "key; never the codes themselves.")
    public record EnrolmentBatchCheck(
            @Schema(description = "Hex of HMAC-SHA256(key, the ten ASCII digits of a code), 1 to 100 of them; "
                + "answered in this order", maxItems = MAX_BATCH, minItems = 1)
            @NotNull(message = "{validation.agency-check.batch-size}")
            @NotEmpty(message = "{validation.agency-check.batch-size}")
            @Size(max = MAX_BATCH, message = "{validation.agency-check.batch-size}")
            List<@NotNull(message = "{validation.agency-check.hmac}")
                @Pattern(regexp = "[0-9a-fA-F]{64}", message = "{validation.agency-check.hmac}") String>
                nationalCodeHmacs,
            @Schema(description = "The id of the key used for every code; the current key when absent")
            @Size(max = 40) String keyId) {
    }

    @Schema(name = "EnrolmentBatchAnswer", description = "One answer per code sent, in the order sent.")
    public record EnrolmentBatchAnswer(
            @Schema(description = "The key the codes were read with") String keyId,
            List<CodeAnswer> answers) {
    }

    @Schema(name = "EnrolmentCodeAnswer", description = "The answer for one code of a batch: what the single check "
        + "would answer for it, and the HMAC it answers.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeAnswer(
            @Schema(description = "The HMAC as sent, in lower case") String nationalCodeHmac,
            boolean enrolled,
            @Schema(description = "As in EnrolmentAnswer: only when she consented to share with the calling agency")
            LocalDate since,
            @Schema(description = "The same day in the Solar Hijri calendar", examples = "1403-07-15")
            String sinceJalali) {

        static CodeAnswer of(String hmac, EnrolmentAnswer single) {
            return new CodeAnswer(hmac, single.enrolled(), single.since(), single.sinceJalali());
        }
    }
}
