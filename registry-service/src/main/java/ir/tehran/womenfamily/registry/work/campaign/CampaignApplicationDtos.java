package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's view of campaign self-applications. */
public final class CampaignApplicationDtos {

    private CampaignApplicationDtos() {
    }

    @Schema(name = "ApplyToCampaign", description = "Her own application to «کار تو خونمونه».")
    public record Apply(@NotBlank @Size(max = 20) String nationalCode,
            @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
            @Schema(description = "A number to reach her, in any common form") @Size(max = 30) String mobile,
            @Schema(description = "Her district of Tehran (1-22): a caseworker of it confirms her")
            @NotNull @Min(1) @Max(22) Short district) {
    }

    @Schema(name = "DecideCampaignApplication", description = "A caseworker's decision on an application.")
    public record Decide(@Schema(enumeration = {"CONFIRMED", "DECLINED"}) @NotNull CampaignApplication.Status status) {
    }

    @Schema(name = "CampaignApplication", description = "An application to the campaign and where it is.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(UUID id, String nationalCode, String firstName, String lastName, String mobile, Short district,
            CampaignApplication.Status status, Instant appliedAt, String appliedOnJalali, Instant decidedAt,
            @Schema(description = "The campaign participant she became, once confirmed") UUID participantId,
            long version) {

        public static View of(CampaignApplication a) {
            return new View(a.id, a.nationalCode, a.firstName, a.lastName, a.mobile, a.district, a.status,
                a.appliedAt, Days.jalali(a.appliedAt), a.decidedAt, a.participantId, a.version);
        }
    }
}
