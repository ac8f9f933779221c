package ir.tehran.womenfamily.registry.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A woman's case, its assignments and its notes (sensitive). */
@ApplicationScoped
public class CaseService {

    public static final String CASE = "beneficiary.case";
    public static final String NOTES = "beneficiary.case-notes";

    @Inject
    SensitiveAccess access;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** Case and its assignment history. */
    public record CaseWithHistory(BeneficiaryCase current, List<CaseAssignment> history) {
    }

    /**
     * Assigns her case to {@code request.assignee()}, opening it when she has none (admins only). When she has one,
     * {@code expectedVersion} is required and must be its version (428, 412); when she has none, there is nothing
     * to match and sending one is a 412.
     */
    @Transactional
    public CaseWithHistory assign(UUID beneficiaryId, Long expectedVersion, CaseworkDtos.AssignCase request) {
        access.casework(beneficiaryId, CASE, "case.assign");
        Instant now = Instant.now(clock);
        String by = callers.current().subject();
        AssigneeKind kind = request.kind() == null ? AssigneeKind.CASEWORKER : request.kind();
        Optional<BeneficiaryCase> existing = findCase(beneficiaryId);
        if (existing.isPresent() && expectedVersion == null) {
            throw new ProblemException(428, "precondition-required");
        }
        if (expectedVersion != null && (existing.isEmpty() || existing.get().version != expectedVersion)) {
            throw ProblemException.preconditionFailed();
        }
        BeneficiaryCase c = existing.orElseGet(() -> BeneficiaryCase.open(beneficiaryId, by, now));
        String previous = c.assignedTo;
        CaseAssignment assignment = c.assign(request.assignee(), kind, by, now);
        if (existing.isEmpty()) {
            c.persist();
        }
        assignment.persist();
        audit.record(AuditEvent.of("case.assign", CASE, beneficiaryId).withPurpose("administration")
            .withDetail("caseId", c.id).withDetail("assignee", c.assignedTo).withDetail("previous", previous));
        return new CaseWithHistory(c, history(c.id));
    }

    /** Her case, for her assigned caseworker or an admin; 404 for anyone else or when she has none. */
    @Transactional
    public CaseWithHistory view(UUID beneficiaryId) {
        Grant grant = access.casework(beneficiaryId, CASE, "case.read");
        BeneficiaryCase c = findCase(beneficiaryId).orElseThrow(() -> ProblemException.notFound("case", beneficiaryId));
        access.audit(grant, AuditEvent.of("case.read", CASE, beneficiaryId));
        return new CaseWithHistory(c, history(c.id));
    }

    /** Her case notes, newest first: her assigned caseworker, or an admin through break-glass. */
    @Transactional
    public List<CaseNote> notes(UUID beneficiaryId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, NOTES, "case-note.list", breakGlassReason);
        List<CaseNote> notes = findCase(beneficiaryId)
            .map(c -> CaseNote.<CaseNote>list("caseId = ?1 order by writtenAt desc, id desc", c.id))
            .orElse(List.of());
        access.audit(grant, AuditEvent.of("case-note.list", NOTES, beneficiaryId).withDetail("count", notes.size()));
        return notes;
    }

    /** Adds a note to her case: her assigned caseworker, or an admin through break-glass. */
    @Transactional
    public CaseNote addNote(UUID beneficiaryId, CaseworkDtos.AddNote request, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, NOTES, "case-note.add", breakGlassReason);
        BeneficiaryCase c = findCase(beneficiaryId).orElseThrow(() -> ProblemException.conflict("case-required"));
        CaseNote note = CaseNote.write(c.id, request.text(), grant.username(), Instant.now(clock));
        note.persist();
        access.audit(grant, AuditEvent.of("case-note.add", NOTES, beneficiaryId).withDetail("noteId", note.id));
        return note;
    }

    /** Her case, if she has one. */
    public static Optional<BeneficiaryCase> findCase(UUID beneficiaryId) {
        return BeneficiaryCase.find("beneficiaryId", beneficiaryId).firstResultOptional();
    }

    private static List<CaseAssignment> history(UUID caseId) {
        return CaseAssignment.list("caseId = ?1 order by assignedAt desc", caseId);
    }
}
