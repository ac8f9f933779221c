package ir.tehran.womenfamily.registry.dci;

import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.cohort.CohortMembership;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.registry.consent.ConsentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Whether a woman may be released to an agency now: she is here (not merged away), she is in no sensitive
 * cohort, and her active {@code SHARE_WITH_AGENCY} consent covers the agency. The one rule of the DCI search,
 * of its notifications, and of every queued callback that carries a woman, checked again when it is sent
 * ({@link DciCallbackSender}), so that a revocation between queueing and delivery stops it.
 */
@ApplicationScoped
public class AgencyRelease {

    @Inject
    ConsentService consents;

    /** Whether {@code beneficiaryId} may be released to {@code agency} (none may to a null agency). */
    @Transactional
    public boolean releasable(UUID beneficiaryId, Agency agency) {
        if (agency == null) {
            return false;
        }
        Beneficiary b = Beneficiary.findById(beneficiaryId);
        return b != null && !b.isMerged() && !inSensitiveCohort(beneficiaryId)
            && consents.hasActive(beneficiaryId, ConsentPurpose.SHARE_WITH_AGENCY, agency);
    }

    /** Whether she is in a sensitive cohort now: then no agency is told of her at all. */
    static boolean inSensitiveCohort(UUID beneficiaryId) {
        return CohortMembership.count("beneficiaryId = ?1 and endedOn is null", beneficiaryId) > 0;
    }
}
