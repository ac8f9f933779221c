package ir.tehran.womenfamily.registry.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for cohort definitions and (sensitive) memberships. */
public final class CohortDtos {

    private CohortDtos() {
    }

    @Schema(name = "DefineCohort", description = "A new kind of sensitive cohort (admins only).")
    public record DefineCohort(
            @Schema(description = "Upper case letters, digits and _", examples = "DOMESTIC_VIOLENCE_SURVIVOR")
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{2,39}", message = "{validation.cohort.code}") String code,
            @Schema(examples = "بازماندهٔ خشونت خانگی") @NotBlank @Size(max = 200) String nameFa,
            @Schema(examples = "Survivor of domestic violence") @NotBlank @Size(max = 200) String nameEn,
            @Schema(description = "Whether a membership must name the centre that follows her") Boolean
            requiresFollowingCentre) {
    }

    @Schema(name = "CohortDefinition", description = "A kind of sensitive cohort.")
    public record DefinitionView(String code, String nameFa, String nameEn, boolean requiresFollowingCentre,
            boolean builtIn) {

        static DefinitionView of(CohortDefinition d) {
            return new DefinitionView(d.code, d.nameFa, d.nameEn, d.requiresFollowingCentre, d.builtIn);
        }
    }

    @Schema(name = "AddCohortMembership", description = "A sensitive cohort a woman belongs to.")
    public record AddMembership(
            @Schema(description = "A cohort definition's code", examples = "ADDICTION_RECOVERY")
            @NotBlank @Size(max = 40) String cohort,
            @Schema(description = "Since when: ISO or Jalali, Latin or Persian digits", examples = "1402-06-01")
            @NotBlank @Size(max = 20) String since,
            @Schema(description = "The centre that follows her; required by some cohorts", examples = "یاورشهر ۵")
            @Size(max = 200) String followingCentre) {
    }

    @Schema(name = "EndCohortMembership", description = "When a membership ended.")
    public record EndMembership(
            @Schema(description = "ISO or Jalali", examples = "1403-02-10") @NotBlank @Size(max = 20) String endedOn) {
    }

    @Schema(name = "CohortMembership", description = "A woman's membership of a sensitive cohort.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MembershipView(UUID id, String cohort, String cohortNameFa, String cohortNameEn, LocalDate since,
            String sinceJalali, String followingCentre, boolean active, LocalDate endedOn, String endedOnJalali,
            Instant recordedAt, String recordedBy) {

        static MembershipView of(CohortMembership m, CohortDefinition d) {
            return new MembershipView(m.id, m.cohortCode, d == null ? null : d.nameFa, d == null ? null : d.nameEn,
                m.since, Days.jalali(m.since), m.followingCentre, m.isOpen(), m.endedOn,
                Days.jalali(m.endedOn), m.recordedAt, m.recordedBy);
        }
    }
}
