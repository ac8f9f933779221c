package ir.tehran.womenfamily.sponsorship.common;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.vertx.core.http.HttpServerRequest;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What a caller may reach in this service beyond the role checks of {@code @RolesAllowed}, built on who is calling
 * ({@link Callers}, the one model every service shares): the districts whose children she sees ({@link Scope}), the
 * benefactor a sponsor speaks for, a partner application's scopes.
 */
@RequestScoped
public class Access {

    public static final String ADMIN = "admin";
    public static final String OFFICER = "sponsorship-officer";
    public static final String SPONSOR = "sponsor";
    public static final String PARTNER_APP = "partner-app";
    /** The scope a partner application needs to read the coverage report (aggregates, no person). */
    public static final String COVERAGE_SCOPE = "sponsorship.coverage.read";

    @Inject
    Callers callers;

    @Inject
    ChildDistricts children;

    @Inject
    ProgrammeDistricts programmes;

    @Inject
    Audit audit;

    @Inject
    HttpServerRequest request;

    private Scope scope;

    public boolean isStaff() {
        Caller caller = callers.current();
        return caller.hasRole(ADMIN) || caller.hasRole(OFFICER);
    }

    /** The benefactor a sponsor's token speaks for ({@code sponsor_id}); 403 when the token has none. */
    public UUID sponsorId() {
        UUID id = callers.current().sponsorId();
        if (id == null) {
            throw new ProblemException(403, "forbidden");
        }
        return id;
    }

    /**
     * Whose children she may see: an admin every district; anyone else the districts of her token's
     * {@code districts} claim, or every district when her token has no such claim (city-wide staff, as the
     * gateway issues them). A claim that cannot be read limits her to no district at all ({@link Caller#districts()}).
     */
    public Scope scope() {
        if (scope == null) {
            scope = Scope.of(callers.current());
        }
        return scope;
    }

    /**
     * 404 (as if she did not exist) when the child is not in the roster or outside the caller's districts. A
     * child's file is sensitive, so the refusal is recorded in the audit log, in a transaction of its own that
     * stays when the request fails: {@code NOT_FOUND} for an unknown child, {@code DENIED} for one outside her
     * districts (the caller sees the same 404 for both).
     */
    @Transactional
    public void requireChild(UUID childId) {
        List<Short> found = children.of(childId);
        if (found.isEmpty() || !scope().sees(found.get(0))) {
            audit.recordInNewTransaction(AuditEvent.of("child.access", "child", childId).withPurpose("casework")
                .withOutcome(found.isEmpty() ? AuditEvent.Outcome.NOT_FOUND : AuditEvent.Outcome.DENIED)
                .withDetail("request", request.method() + " " + request.path()));
            throw ProblemException.notFound("child", childId);
        }
    }

    /** A child named in a request body: unknown to the caller (absent or outside her districts) is a 400. */
    @Transactional
    public void requireChildField(UUID childId, String field) {
        if (childId == null) {
            return;
        }
        List<Short> found = children.of(childId);
        if (found.isEmpty() || !scope().sees(found.get(0))) {
            throw ProblemException.invalid(field, "validation.unknown-child");
        }
    }

    /** Children named in a list of a request body: the first one outside her districts is a 400. */
    public void requireChildrenField(List<UUID> childIds, String field) {
        if (scope().all()) {
            return;
        }
        Set<UUID> visible = visible(childIds);
        for (int i = 0; i < childIds.size(); i++) {
            if (!visible.contains(childIds.get(i))) {
                throw ProblemException.invalid(field + "[" + i + "]", "validation.unknown-child");
            }
        }
    }

    /**
     * 404 when the record ({@code entity}: an entity with a {@code childId}, such as a pledge) does not exist or
     * its child is outside the caller's districts; {@code kind} names it in the problem.
     */
    @Transactional
    public void requireOfChild(String entity, String kind, UUID id) {
        if (scope().all()) {
            return;
        }
        List<Short> found = children.ofChildOf(entity, id);
        if (found.isEmpty() || !scope().sees(found.get(0))) {
            throw ProblemException.notFound(kind, id);
        }
    }

    /**
     * 404 when the programme does not exist or is of a district outside the caller's: a programme of a district is
     * seen by the officers of that district, a city-wide one (no district) by every officer, since the children of
     * every district may enrol in it.
     */
    @Transactional
    public void requireProgramme(UUID programmeId) {
        programmeDistrict(programmeId);
    }

    /**
     * To change a programme itself (its sessions): 404 as for {@link #requireProgramme}, and 403 for a city-wide
     * programme (which she sees) when she is limited to districts: it is run by city-wide staff.
     */
    @Transactional
    public void requireProgrammeToManage(UUID programmeId) {
        if (programmeDistrict(programmeId) == null && !scope().all()) {
            throw new ProblemException(403, "forbidden");
        }
    }

    /** A district named in a request body for a new record: an officer limited to districts may name only hers. */
    public void requireDistrictField(Short district, String field) {
        if (!scope().all() && (district == null || !scope().sees(district))) {
            throw ProblemException.invalid(field, "validation.district-outside-scope");
        }
    }

    private Short programmeDistrict(UUID programmeId) {
        List<Short> found = programmes.of(programmeId);
        if (found.isEmpty() || !scope().seesOrCityWide(found.get(0))) {
            throw ProblemException.notFound("programme", programmeId);
        }
        return found.get(0);
    }

    /** Of these children, the ones the caller may see (all of them for the city-wide). */
    @Transactional
    public Set<UUID> visible(Collection<UUID> childIds) {
        if (scope().all()) {
            return new HashSet<>(childIds);
        }
        if (childIds.isEmpty()) {
            return Set.of();
        }
        return children.seenBy(scope(), childIds);
    }

    /** Staff pass; anyone else (a partner application) needs {@code scope} in the token. */
    public void requireStaffOrScope(String scope) {
        if (isStaff()) {
            return;
        }
        if (!callers.current().scopes().contains(scope)) {
            throw new ProblemException(403, "forbidden");
        }
    }
}
