package ir.tehran.womenfamily.registry.cohort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.Inputs;
import ir.tehran.womenfamily.registry.access.SensitiveAccess;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Sensitive cohorts. Memberships are read and written only here, behind {@link SensitiveAccess}: her
 * assigned caseworker, or an admin through break-glass; every read and write audited, with no cohort
 * fact in the audit detail.
 */
@ApplicationScoped
public class CohortService {

    public static final String RESOURCE = "beneficiary.cohorts";
    public static final String DEFINITIONS = "cohort-definition";

    @Inject
    SensitiveAccess access;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** A membership with its definition, for the view. */
    public record Membership(CohortMembership membership, CohortDefinition definition) {
    }

    @Transactional
    public List<CohortDefinition> definitions() {
        return CohortDefinition.list("order by builtIn desc, code");
    }

    @Transactional
    public java.util.Optional<CohortDefinition> definition(String code) {
        return CohortDefinition.findByIdOptional(code);
    }

    @Transactional
    public CohortDefinition define(CohortDtos.DefineCohort request) {
        if (CohortDefinition.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict("cohort-definition-exists");
        }
        CohortDefinition d = new CohortDefinition();
        d.code = request.code();
        d.nameFa = request.nameFa().strip();
        d.nameEn = request.nameEn().strip();
        d.requiresFollowingCentre = Boolean.TRUE.equals(request.requiresFollowingCentre());
        d.createdAt = Instant.now(clock);
        d.createdBy = callers.current().subject();
        d.persist();
        audit.record(AuditEvent.of("cohort-definition.create", DEFINITIONS, d.code).withPurpose("administration"));
        return d;
    }

    @Transactional
    public List<Membership> memberships(UUID beneficiaryId, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "cohort.list", breakGlassReason);
        List<CohortMembership> found = CohortMembership.list("beneficiaryId = ?1 order by since desc, id",
            beneficiaryId);
        access.audit(grant, AuditEvent.of("cohort.list", RESOURCE, beneficiaryId).withDetail("count", found.size()));
        Map<String, CohortDefinition> definitions = definitionsByCode();
        return found.stream().map(m -> new Membership(m, definitions.get(m.cohortCode))).toList();
    }

    @Transactional
    public Membership add(UUID beneficiaryId, CohortDtos.AddMembership request, String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "cohort.add", breakGlassReason);
        CohortDefinition definition = CohortDefinition.<CohortDefinition>findByIdOptional(request.cohort().strip())
            .orElseThrow(() -> ProblemException.invalid("cohort", "validation.cohort.unknown"));
        Instant now = Instant.now(clock);
        LocalDate since = Inputs.pastDay("since", request.since(), today(now));
        if (definition.requiresFollowingCentre
            && (request.followingCentre() == null || request.followingCentre().isBlank())) {
            throw ProblemException.invalid("followingCentre", "validation.cohort.following-centre");
        }
        if (CohortMembership.count("beneficiaryId = ?1 and cohortCode = ?2 and endedOn is null", beneficiaryId,
            definition.code) > 0) {
            throw ProblemException.conflict("cohort-membership-exists");
        }
        CohortMembership m = CohortMembership.join(beneficiaryId, definition.code, since, request.followingCentre(),
            grant.username(), now);
        m.persist();
        access.audit(grant, AuditEvent.of("cohort.add", RESOURCE, beneficiaryId).withDetail("membershipId", m.id));
        return new Membership(m, definition);
    }

    @Transactional
    public Membership end(UUID beneficiaryId, UUID membershipId, CohortDtos.EndMembership request,
            String breakGlassReason) {
        Grant grant = access.sensitive(beneficiaryId, RESOURCE, "cohort.end", breakGlassReason);
        CohortMembership m = CohortMembership.<CohortMembership>findByIdOptional(membershipId)
            .filter(x -> x.beneficiaryId.equals(beneficiaryId))
            .orElseThrow(() -> ProblemException.notFound("cohort-membership", membershipId));
        Instant now = Instant.now(clock);
        LocalDate day = Inputs.pastDay("endedOn", request.endedOn(), today(now));
        if (day.isBefore(m.since)) {
            throw ProblemException.invalid("endedOn", "validation.cohort.ended-before-since");
        }
        if (!m.end(day, grant.username(), now)) {
            throw ProblemException.conflict("cohort-membership-ended");
        }
        access.audit(grant, AuditEvent.of("cohort.end", RESOURCE, beneficiaryId).withDetail("membershipId", m.id));
        return new Membership(m, CohortDefinition.findById(m.cohortCode));
    }

    private static LocalDate today(Instant now) {
        return now.atZone(Tehran.ZONE).toLocalDate();
    }

    private static Map<String, CohortDefinition> definitionsByCode() {
        return CohortDefinition.<CohortDefinition>listAll().stream()
            .collect(Collectors.toMap(d -> d.code, Function.identity()));
    }
}
