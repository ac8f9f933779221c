package ir.tehran.womenfamily.registry.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.tehran.womenfamily.registry.consent.ConsentDtos;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's shapes for cases, case notes and referrals. */
public final class CaseworkDtos {

    private CaseworkDtos() {
    }

    @Schema(name = "AssignCase", description = "Who follows her case from now on.")
    public record AssignCase(
            @Schema(description = "The username (the token's sub)", examples = "m.rahimi")
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "{validation.username}") String assignee,
            @Schema(description = "CASEWORKER when not given") AssigneeKind kind) {
    }

    @Schema(name = "CaseAssignment", description = "One assignment in the case's history.")
    public record AssignmentView(String assignedTo, AssigneeKind kind, Instant assignedAt, String assignedOnJalali,
            String assignedBy) {

        static AssignmentView of(CaseAssignment a) {
            return new AssignmentView(a.assignedTo, a.assigneeKind, a.assignedAt, Days.jalali(a.assignedAt),
                a.assignedBy);
        }
    }

    @Schema(name = "Case", description = "A woman's case: who follows it now, and since when.")
    public record CaseView(UUID id, UUID beneficiaryId, String assignedTo, AssigneeKind assigneeKind,
            Instant assignedAt, String assignedOnJalali, Instant openedAt, String openedOnJalali, String openedBy,
            List<AssignmentView> assignments) {

        static CaseView of(BeneficiaryCase c, List<CaseAssignment> history) {
            return new CaseView(c.id, c.beneficiaryId, c.assignedTo, c.assigneeKind, c.assignedAt,
                Days.jalali(c.assignedAt), c.openedAt, Days.jalali(c.openedAt), c.openedBy,
                history.stream().map(AssignmentView::of).toList());
        }
    }

    @Schema(name = "AddCaseNote", description = "A case note; sensitive, read only through the case's notes.")
    public record AddNote(@NotBlank @Size(max = 4000) String text) {
    }

    @Schema(name = "CaseNote", description = "A case note (sensitive).")
    public record NoteView(UUID id, String text, Instant writtenAt, String writtenOnJalali, String writtenBy) {

        static NoteView of(CaseNote n) {
            return new NoteView(n.id, n.body, n.writtenAt, Days.jalali(n.writtenAt), n.writtenBy);
        }
    }

    @Schema(name = "CreateReferral", description = "A referral to another agency (OUT) or from one (IN).")
    public record CreateReferral(@NotNull ReferralDirection direction, @NotNull @Valid ConsentDtos.AgencyRef agency,
            @Schema(description = "What it is for, which decides what of her record a referral out sends the "
                + "agency; GENERAL (her national code and name only) when not given") ReferralPurpose purpose) {
    }

    @Schema(name = "AgencyReferralIn", description = "An agency refers a registered woman to the directorate.")
    public record AgencyReferralIn(
            @Schema(description = "Her national code", examples = "0012345679") @NotBlank @Size(max = 20)
            String nationalCode,
            @Schema(description = "What it is for; GENERAL when not given") ReferralPurpose purpose) {
    }

    @Schema(name = "AgencyReferralMove", description = "An agency's answer to a referral out to it.")
    public record AgencyMove(
            @Schema(description = "ACCEPTED or DECLINED (from SENT), COMPLETED (from ACCEPTED: the agency closes it)")
            @NotNull ReferralState state) {
    }

    @Schema(name = "AgencyReferralStep", description = "A state the referral reached, and whether the directorate "
        + "or the agency moved it there.")
    public record AgencyStepView(ReferralState state, Instant at, String onJalali, String by) {

        static AgencyStepView of(ReferralTransition t) {
            return new AgencyStepView(t.state, t.at, Days.jalali(t.at),
                t.by.startsWith("agency:") ? t.by : "directorate");
        }
    }

    @Schema(name = "AgencyReferral", description = "A referral as the agency sees it: no personal data (the "
        + "delivered message carried what its purpose needs), no staff names.")
    public record AgencyReferralView(UUID id, ReferralDirection direction, ReferralPurpose purpose,
            ReferralState state, Instant createdAt, String createdOnJalali, List<AgencyStepView> history) {

        static AgencyReferralView of(Referral r, List<ReferralTransition> history) {
            return new AgencyReferralView(r.id, r.direction, r.purpose, r.state, r.createdAt,
                Days.jalali(r.createdAt), history.stream().map(AgencyStepView::of).toList());
        }
    }

    @Schema(name = "MoveReferral", description = "The state a referral moves to.")
    public record MoveReferral(@NotNull ReferralState state) {
    }

    @Schema(name = "ReferralStep", description = "A state the referral reached.")
    public record StepView(ReferralState state, Instant at, String onJalali, String by) {

        static StepView of(ReferralTransition t) {
            return new StepView(t.state, t.at, Days.jalali(t.at), t.by);
        }
    }

    @Schema(name = "Referral", description = "A referral and its history.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferralView(UUID id, UUID beneficiaryId, ReferralDirection direction, ConsentDtos.AgencyRef agency,
            ReferralPurpose purpose, ReferralState state, Instant createdAt, String createdOnJalali, String createdBy,
            List<StepView> history,
            @Schema(description = "Its version, sent back in If-Match to move it") long version) {

        static ReferralView of(Referral r, List<ReferralTransition> history) {
            return new ReferralView(r.id, r.beneficiaryId, r.direction, ConsentDtos.AgencyRef.of(r.agency()),
                r.purpose, r.state, r.createdAt, Days.jalali(r.createdAt), r.createdBy,
                history.stream().map(StepView::of).toList(), r.version);
        }
    }
}
