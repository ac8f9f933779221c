package ir.tehran.womenfamily.registry.correction;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's view of correction requests. */
public final class CorrectionDtos {

    private CorrectionDtos() {
    }

    @Schema(name = "RequestCorrection", description = "What she says is wrong and what it should be.")
    public record RequestCorrection(
            @Schema(description = "The fact, in her words or a field name (firstName, address, a child's birthDate)")
            @NotBlank @Size(max = 100) String field,
            @Schema(description = "What it should be") @NotBlank @Size(max = 500) String proposedValue,
            @Schema(description = "Her child the fact is about, if not herself") UUID childId,
            @Size(max = 1000) String note) {
    }

    @Schema(name = "HandleCorrection", description = "The caseworker's decision and her answer to the woman.")
    public record HandleCorrection(
            @Schema(enumeration = {"ACCEPTED", "REJECTED"}) @NotNull Correction.Status outcome,
            @Size(max = 1000) String answer) {
    }

    @Schema(name = "Correction", description = "A correction request and, once handled, its outcome.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CorrectionView(UUID id, UUID beneficiaryId, UUID childId, String field, String proposedValue,
            String note, Correction.Status status, Instant requestedAt, String requestedOnJalali, Instant handledAt,
            String answer, long version) {

        public static CorrectionView of(Correction c) {
            return new CorrectionView(c.id, c.beneficiaryId, c.childId, c.field, c.proposedValue, c.note, c.status,
                c.requestedAt, Days.jalali(c.requestedAt), c.handledAt, c.answer, c.version);
        }
    }
}
