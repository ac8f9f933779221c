package ir.tehran.womenfamily.registry.business;

import ir.tehran.womenfamily.support.taxonomy.Category;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for businesses and campaign participants. */
public final class BusinessDtos {

    private BusinessDtos() {
    }

    @Schema(name = "RegisterBusiness", description = "Exactly one owner: a registered woman or a campaign participant.")
    public record RegisterBusiness(UUID ownerBeneficiaryId, UUID ownerParticipantId,
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Category code, e.g. handicrafts") @NotNull Category category,
            @Size(max = 1000) String products, UUID centreId, @Size(max = 200) String mentor,
            @Min(1) @Max(22) Short district) {
    }

    @Schema(name = "UpdateBusiness", description = "Absent fields stay as they are; closing is its own operation.")
    public record UpdateBusiness(@Size(min = 1, max = 200) String name, Category category,
            @Size(max = 1000) String products, UUID centreId, @Size(max = 200) String mentor,
            @Min(1) @Max(22) Short district, Business.Status status) {
    }

    @Schema(name = "Business")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BusinessView(UUID id, UUID ownerId, boolean ownerHeadsHousehold, String name, Category category,
            String categoryFa, String categoryEn, String products, UUID centreId, String mentor, Short district,
            Business.Status status, Instant registeredAt, Instant closedAt, long version) {

        static BusinessView of(Business b) {
            return new BusinessView(b.id, b.ownerId(), b.ownerBeneficiaryId != null, b.name, b.category,
                b.category.persian(), b.category.english(), b.products, b.centreId, b.mentor, b.district, b.status,
                b.registeredAt, b.closedAt, b.version);
        }
    }

    @Schema(name = "RegisterParticipant", description = "A campaign participant who is not a head of household.")
    public record RegisterParticipant(@NotBlank @Size(max = 20) String nationalCode,
            @NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
            @Size(max = 30) String mobile, @Min(1) @Max(22) Short district) {
    }

    @Schema(name = "Participant")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParticipantView(UUID id, String firstName, String lastName, Short district) {

        static ParticipantView of(CampaignParticipant p) {
            return new ParticipantView(p.id, p.firstName, p.lastName, p.district);
        }
    }
}
