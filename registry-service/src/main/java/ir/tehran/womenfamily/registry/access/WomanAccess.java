package ir.tehran.womenfamily.registry.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The one place that decides whether the caller may see a woman at all: her profile and every record that
 * hangs off her (consents, children, dependants, case, notes, cohorts, referrals, placements, campaign
 * record, businesses she owns). The rule:
 * <ul>
 * <li>an admin sees every woman;</li>
 * <li>a caseworker sees the women of her districts (token claim {@code districts}), the women she registered
 * herself, and the women whose case is assigned to her (an admin may assign a woman of another district:
 * the assignment is the need to know);</li>
 * <li>a woman signed in herself (role {@code woman}) sees her own record, the one her token's
 * {@code beneficiary_id} names, through {@code /me} ({@link Grant.Basis#SELF});</li>
 * <li>anyone else sees none.</li>
 * </ul>
 * A caller who may not see her gets exactly the 404 problem a woman who does not exist gets, and the
 * refusal is audited ({@code DENIED} when she exists, {@code NOT_FOUND} when she does not) in a transaction
 * of its own, so it stays recorded although the caller's work is rolled back. {@link SensitiveAccess} builds
 * its stricter casework and sensitive rules on top of this one.
 */
@ApplicationScoped
public class WomanAccess {

    /** The role of a woman signed in herself: she sees her own record only ({@link Grant.Basis#SELF}). */
    public static final String WOMAN = "woman";

    @Inject
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    Audit audit;

    /** What the rule needs to know about her: where she lives, who registered her, who has her case. */
    public record Facts(Short district, String createdBy, String assignee) {
    }

    /** The rule itself, without a database: may {@code caller} see a woman with these facts? */
    public static Optional<Grant.Basis> basis(Caller caller, Facts her) {
        boolean caseworker = caller.hasRole("caseworker");
        if (caseworker && her.assignee() != null && her.assignee().equals(caller.subject())) {
            return Optional.of(Grant.Basis.ASSIGNED);
        }
        if (caller.isAdmin()) {
            return Optional.of(Grant.Basis.ADMIN);
        }
        if (caseworker && (her.district() != null && caller.namedDistricts().contains(her.district().intValue())
                || caller.subject() != null && caller.subject().equals(her.createdBy()))) {
            return Optional.of(Grant.Basis.DISTRICT);
        }
        return Optional.empty();
    }

    /**
     * A SQL condition and the values of its {@code ?} parameters, in order.
     */
    public record SqlCondition(String sql, List<Object> parameters) {
    }

    /**
     * The same rule as {@link #basis}, as a SQL condition over a {@code beneficiary} row named {@code alias}: true
     * exactly for the women the caller may see, so a list or search ({@code BeneficiarySearch}) leaves out, and
     * does not count, every woman whose profile would be a 404 to her, and lists every woman whose profile she
     * may open (also one assigned to her outside her districts). Written once here, beside {@link #basis};
     * {@code WomanAccessSqlTest} checks that both agree on every combination of caller and facts.
     */
    public static SqlCondition visibleIn(Caller caller, String alias) {
        return visibleWhere(caller, alias + ".district", alias + ".created_by",
            "(select c.assigned_to from beneficiary_case c where c.beneficiary_id = " + alias + ".id)");
    }

    /**
     * {@link #visibleIn} over any three SQL expressions for her district, who registered her and who has her
     * case (package-private: the test evaluates it over literal facts).
     */
    static SqlCondition visibleWhere(Caller caller, String district, String createdBy, String assignee) {
        if (caller.isAdmin()) {
            return new SqlCondition("true", List.of());
        }
        if (!caller.hasRole("caseworker")) {
            return new SqlCondition("false", List.of());
        }
        List<String> or = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!caller.namedDistricts().isEmpty()) {
            // the districts are integers from the verified token, so they are written into the SQL as such
            or.add(district + " in (" + caller.namedDistricts().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")) + ")");
        }
        if (caller.subject() != null) {
            or.add(createdBy + " = ?");
            or.add(assignee + " = ?");
            parameters.add(caller.subject());
            parameters.add(caller.subject());
        }
        return or.isEmpty() ? new SqlCondition("false", List.of())
            : new SqlCondition("(" + String.join(" or ", or) + ")", List.copyOf(parameters));
    }

    /**
     * Opens the woman for the caller of the current request, or throws the 404 a woman who does not exist
     * gets (audited as {@code action} on {@code resourceType}). Call it before anything else that reads or
     * writes her records.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grant require(UUID beneficiaryId, String resourceType, String action) {
        return require(callers.current(), beneficiaryId, resourceType, action);
    }

    /** {@link #require(UUID, String, String)} for a caller the service was handed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Grant require(Caller caller, UUID beneficiaryId, String resourceType, String action) {
        if (caller.hasRole(WOMAN)) {
            // a woman opens her own record and nobody else's: the one her token's beneficiary_id names
            Optional<Facts> self = beneficiaryId.equals(caller.beneficiaryId()) ? facts(beneficiaryId)
                : Optional.empty();
            if (self.isEmpty()) {
                audit.recordInNewTransaction(AuditEvent.of(action, resourceType, beneficiaryId)
                    .withOutcome(AuditEvent.Outcome.NOT_FOUND));
                throw ProblemException.notFound("beneficiary", beneficiaryId);
            }
            return new Grant(beneficiaryId, caller, Grant.Basis.SELF, null);
        }
        Optional<Facts> her = facts(beneficiaryId);
        Optional<Grant.Basis> basis = her.flatMap(f -> basis(caller, f));
        if (basis.isEmpty()) {
            audit.recordInNewTransaction(AuditEvent.of(action, resourceType, beneficiaryId)
                .withOutcome(her.isPresent() ? AuditEvent.Outcome.DENIED : AuditEvent.Outcome.NOT_FOUND));
            throw ProblemException.notFound("beneficiary", beneficiaryId);
        }
        return new Grant(beneficiaryId, callers.current(), basis.get(), null);
    }

    /**
     * For filtering a list of records that name women: whether {@code caller} may see each one, not audited
     * (a list leaves out what she may not see rather than refusing). One query per woman, remembered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Predicate<UUID> visibleTo(Caller caller) {
        if (caller.isAdmin()) {
            return id -> true;
        }
        Map<UUID, Boolean> known = new HashMap<>();
        return id -> id != null && known.computeIfAbsent(id,
            k -> facts(k).flatMap(f -> basis(caller, f)).isPresent());
    }

    /**
     * Records what the granted caller did, in the caller's transaction; call it last. {@code event} carries
     * the action and its non-sensitive detail; the basis becomes the purpose.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void audit(Grant grant, AuditEvent event) {
        AuditEvent e = event.withPurpose(grant.basis().purpose()).withDetail("basis", grant.basis().name());
        if (grant.breakGlass() != null) {
            e = e.withDetail("breakGlassAccessId", grant.breakGlass().accessId())
                .withDetail("reasonSha256", grant.breakGlass().reasonSha256());
        }
        audit.record(grant.actor(), e);
    }

    private Optional<Facts> facts(UUID beneficiaryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select b.district, b.created_by, "
                + "(select c.assigned_to from beneficiary_case c where c.beneficiary_id = b.id) "
                + "from beneficiary b where b.id = ?")
            .setParameter(1, beneficiaryId).getResultList();
        return rows.stream().findFirst().map(r -> new Facts(r[0] == null ? null : ((Number) r[0]).shortValue(),
            (String) r[1], (String) r[2]));
    }
}
