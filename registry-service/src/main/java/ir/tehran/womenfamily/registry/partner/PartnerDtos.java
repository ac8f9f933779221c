package ir.tehran.womenfamily.registry.partner;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of the partner read API: the minimal facts a partner application may read of a woman. */
public final class PartnerDtos {

    private PartnerDtos() {
    }

    @Schema(name = "PartnerWoman", description = "What a partner application reads of a woman who consented to "
        + "share with it: her id, her name and the day she was registered; nothing else (no national code, "
        + "address, mobile, district, status, support level, household, case or cohort).")
    public record PartnerWoman(UUID id, String firstName, String lastName,
            @Schema(description = "The Tehran day she was registered") LocalDate registeredOn,
            @Schema(description = "The same day in the Solar Hijri calendar", examples = "1403-07-15")
            String registeredOnJalali) {
    }
}
