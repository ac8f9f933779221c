package ir.tehran.womenfamily.registry.me;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.WomanAccess;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.household.Child;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.sms.Mobile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A woman's own record and children ({@code /me}), and the gateway's question "who has this number". Her record is
 * the one her token's {@code beneficiary_id} names, opened through {@link WomanAccess} ({@link Grant.Basis#SELF}),
 * audited like any other reading of it.
 */
@ApplicationScoped
public class MeService {

    @Inject
    WomanAccess access;

    /** Her id, or the 404 of a woman the register does not know (no {@code beneficiary_id} in her token). */
    public static UUID herId(Caller her) {
        if (her.beneficiaryId() == null) {
            throw ProblemException.notFound("beneficiary", "me");
        }
        return her.beneficiaryId();
    }

    @Transactional
    public Beneficiary record(Caller her) {
        UUID id = herId(her);
        Grant grant = access.require(her, id, "beneficiary", "me.read");
        Beneficiary b = Beneficiary.findById(id);
        if (b == null || b.isMerged()) {
            throw ProblemException.notFound("beneficiary", id);
        }
        access.audit(grant, AuditEvent.of("me.read", "beneficiary", id));
        return b;
    }

    @Transactional
    public List<Child> children(Caller her) {
        UUID id = herId(her);
        Grant grant = access.require(her, id, "child", "me.children");
        List<Child> children = Child.list("motherId = ?1 and removedAt is null order by birthDate, id", id);
        access.audit(grant, AuditEvent.of("me.children", "child", id).withDetail("count", children.size()));
        return children;
    }

    /**
     * The woman of the register with this mobile number, for the gateway's sign-in: the one record (not merged away)
     * with it, or none when there is none or more than one (a duplicate a caseworker has yet to resolve).
     */
    @Transactional
    public Optional<UUID> withMobile(String mobile) {
        Optional<String> e164 = Mobile.e164(mobile);
        if (e164.isEmpty()) {
            return Optional.empty();
        }
        List<Beneficiary> found = Beneficiary.<Beneficiary>find("mobile = ?1 and mergedInto is null", e164.get())
            .page(0, 2).list();
        return found.size() == 1 ? Optional.of(found.get(0).id) : Optional.empty();
    }
}
