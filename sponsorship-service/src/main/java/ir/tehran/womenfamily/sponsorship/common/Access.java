package ir.tehran.womenfamily.sponsorship.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, beyond the role checks of {@code @RolesAllowed}. */
@RequestScoped
public class Access {

    public static final String ADMIN = "admin";
    public static final String OFFICER = "sponsorship-officer";
    public static final String SPONSOR = "sponsor";
    public static final String PARTNER_APP = "partner-app";
    /** The scope a partner application needs to read the coverage report (aggregates, no person). */
    public static final String COVERAGE_SCOPE = "sponsorship.coverage.read";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    EntityManager em;

    @Inject
    ChildDistricts children;

    @Inject
    Audit audit;

    @Inject
    HttpServerRequest request;

    private Scope scope;

    /** The user or client name, recorded as the author of a change. */
    public String user() {
        return identity.getPrincipal().getName();
    }

    public boolean isStaff() {
        return identity.hasRole(ADMIN) || identity.hasRole(OFFICER);
    }

    /** The benefactor a sponsor's token speaks for ({@code sponsor_id}); 403 when the token has none. */
    public UUID sponsorId() {
        String value = text(jwt.getClaim("sponsor_id"));
        if (value == null) {
            throw new ProblemException(403, "forbidden");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(403, "forbidden");
        }
    }

    /**
     * Whose children she may see: an admin every district; anyone else the districts of her token's
     * {@code districts} claim, or every district when her token has no such claim (city-wide staff, as the
     * gateway issues them). A claim that cannot be read limits her to no district at all.
     */
    public Scope scope() {
        if (scope == null) {
            scope = identity.hasRole(ADMIN) ? Scope.ALL : districtsClaim();
        }
        return scope;
    }

    private Scope districtsClaim() {
        Object claim = jwt.getClaim("districts");
        if (claim == null) {
            return Scope.ALL;
        }
        Iterable<?> values = claim instanceof Iterable<?> it ? it : List.of(claim);
        Set<Short> districts = new HashSet<>();
        for (Object v : values) {
            Short d = district(v);
            if (d == null) {
                return new Scope(Set.of());
            }
            districts.add(d);
        }
        return new Scope(districts);
    }

    private static Short district(Object v) {
        try {
            int d = v instanceof JsonNumber n ? n.intValueExact()
                : v instanceof Number n ? n.intValue() : Integer.parseInt(text(v).strip());
            return d >= 1 && d <= 22 ? (short) d : null;
        } catch (RuntimeException e) {
            return null;
        }
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
        List<Object[]> found = em.createQuery("select p.id, p.district from Programme p where p.id = :id",
            Object[].class).setParameter("id", programmeId).getResultList();
        if (found.isEmpty() || !scope().seesOrCityWide((Short) found.get(0)[1])) {
            throw ProblemException.notFound("programme", programmeId);
        }
        return (Short) found.get(0)[1];
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
        Object claim = jwt.getClaim("scope");
        boolean granted;
        if (claim instanceof JsonArray array) {
            granted = array.stream().anyMatch(v -> scope.equals(text(v)));
        } else if (claim instanceof Collection<?> list) {
            granted = list.stream().anyMatch(v -> scope.equals(text(v)));
        } else {
            String s = text(claim);
            granted = s != null && Arrays.asList(s.split("\\s+")).contains(scope);
        }
        if (!granted) {
            throw new ProblemException(403, "forbidden");
        }
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim instanceof JsonValue v && v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return claim.toString();
    }
}
