package ir.tehran.womenfamily.registry.release;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.registry.cohort.CohortDefinition;
import ir.tehran.womenfamily.registry.cohort.CohortMembership;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * A mother's release cases. Read and written only here, behind {@link SensitiveAccess#sensitive}, the rule of her
 * sensitive cohorts: her assigned caseworker, or an admin through break-glass; 404 for anyone else, as for a
 * woman who does not exist. Every read and write is audited with no fact of the case in the detail (only its
 * id and a count); nothing here is ever in an event. Her release joins her to the {@code PRISON_RELEASE} cohort
 * when she is not in it already, so that her placements (which need that cohort) can follow.
 */
@ApplicationScoped
public class ReleaseCaseService {

    public static final String RESOURCE = "beneficiary.release-case";

    @Inject
    SensitiveAccess access;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** A case with its history, oldest step first. */
    public record Detail(ReleaseCase releaseCase, List<ReleaseStep> steps) {
    }

    @Transactional
    public Detail open(UUID beneficiaryId, ReleaseDtos.OpenCase request, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "release-case.open", breakGlassReason);
        Instant now = Instant.now(clock);
        LocalDate openedOn = notAfterToday("openedOn", request.openedOn(), now);
        if (ReleaseCase.count("beneficiaryId = ?1 and state = ?2", beneficiaryId, ReleaseCase.State.OPEN) > 0) {
            throw ProblemException.conflict("release-case-open");
        }
        ReleaseCase c = ReleaseCase.open(beneficiaryId, request.offence(), request.obligation(), request.owedRials(),
            openedOn, grant.username(), now);
        c.persist();
        ReleaseStep.of(c.id, ReleaseStep.Kind.OPENED, openedOn, c.owedRials, null, request.note(), grant.username(),
            now).persist();
        access.audit(grant, AuditEvent.of("release-case.open", RESOURCE, beneficiaryId).withDetail("caseId", c.id));
        return new Detail(c, steps(c.id));
    }

    @Transactional
    public List<ReleaseCase> list(UUID beneficiaryId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "release-case.list", breakGlassReason);
        List<ReleaseCase> found = ReleaseCase.list("beneficiaryId = ?1 order by openedOn desc, id", beneficiaryId);
        access.audit(grant, AuditEvent.of("release-case.list", RESOURCE, beneficiaryId)
            .withDetail("count", found.size()));
        return found;
    }

    @Transactional
    public Detail one(UUID beneficiaryId, UUID caseId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "release-case.read", breakGlassReason);
        ReleaseCase c = hers(beneficiaryId, caseId, false);
        access.audit(grant, AuditEvent.of("release-case.read", RESOURCE, beneficiaryId).withDetail("caseId", c.id));
        return new Detail(c, steps(c.id));
    }

    @Transactional
    public Detail record(UUID beneficiaryId, UUID caseId, ReleaseDtos.RecordStep request, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "release-case.step", breakGlassReason);
        ReleaseCase c = hers(beneficiaryId, caseId, true);
        ReleaseStep.Kind kind = request.kind();
        if (!kind.recordable()) {
            throw ProblemException.invalid("kind", "validation.release.kind-not-recordable");
        }
        Instant now = Instant.now(clock);
        LocalDate on = notAfterToday("on", request.on(), now);
        try {
            c.apply(kind, on, request.amountRials(), request.referenceId());
        } catch (ReleaseCase.Refused r) {
            throw problem(r);
        }
        if (kind.needsReference() && !exists(kind, request.referenceId(), beneficiaryId)) {
            throw ProblemException.invalid("referenceId", "validation.release.reference-unknown");
        }
        if (kind == ReleaseStep.Kind.RELEASED) {
            joinReleasedCohort(beneficiaryId, on, grant.username(), now);
        }
        ReleaseStep.of(c.id, kind, on, request.amountRials(), request.referenceId(), request.note(),
            grant.username(), now).persist();
        access.audit(grant, AuditEvent.of("release-case.step", RESOURCE, beneficiaryId).withDetail("caseId", c.id));
        return new Detail(c, steps(c.id));
    }

    /** Her case, locked for a change when {@code forUpdate}; 404 when the case is not hers. */
    ReleaseCase hers(UUID beneficiaryId, UUID caseId, boolean forUpdate) {
        ReleaseCase c = forUpdate ? ReleaseCase.findById(caseId, LockModeType.PESSIMISTIC_WRITE)
            : ReleaseCase.findById(caseId);
        if (c == null || !c.beneficiaryId.equals(beneficiaryId)) {
            throw ProblemException.notFound("release-case", caseId);
        }
        return c;
    }

    static List<ReleaseStep> steps(UUID caseId) {
        return ReleaseStep.list("caseId = ?1 order by recordedAt, id", caseId);
    }

    /** The problem a broken rule of the case is answered with: a field's 400, or a 409 for the case's state. */
    static ProblemException problem(ReleaseCase.Refused r) {
        return switch (r.code()) {
            case "release-step-amount-missing", "release-step-amount-unexpected", "release-settlement-exceeds-owed",
                 "release-amount-not-positive" -> ProblemException.invalid("amountRials", "validation." + r.code());
            case "release-step-reference-missing", "release-step-reference-unexpected" ->
                ProblemException.invalid("referenceId", "validation." + r.code());
            case "release-step-before-opening", "release-step-before-release" ->
                ProblemException.invalid("on", "validation." + r.code());
            default -> ProblemException.conflict(r.code());
        };
    }

    private boolean exists(ReleaseStep.Kind kind, UUID reference, UUID beneficiaryId) {
        var q = switch (kind) {
            case PLACEMENT -> em.createNativeQuery(
                "select count(*) from placement where id = ?1 and beneficiary_id = ?2").setParameter(2, beneficiaryId);
            case CENTRE -> em.createNativeQuery("select count(*) from workshop_centre where id = ?1");
            case PRODUCTION -> em.createNativeQuery("select count(*) from production_order where id = ?1");
            default -> throw new IllegalArgumentException(kind.name());
        };
        return ((Number) q.setParameter(1, reference).getSingleResult()).longValue() > 0;
    }

    private static void joinReleasedCohort(UUID beneficiaryId, LocalDate on, String by, Instant now) {
        if (CohortMembership.count("beneficiaryId = ?1 and cohortCode = ?2 and endedOn is null", beneficiaryId,
            CohortDefinition.PRISON_RELEASE) == 0) {
            CohortMembership.join(beneficiaryId, CohortDefinition.PRISON_RELEASE, on, null, by, now).persist();
        }
    }

    private static LocalDate notAfterToday(String field, LocalDate day, Instant now) {
        if (day.isAfter(now.atZone(Tehran.ZONE).toLocalDate())) {
            throw ProblemException.invalid(field, "validation.date-in-future");
        }
        return day;
    }
}
