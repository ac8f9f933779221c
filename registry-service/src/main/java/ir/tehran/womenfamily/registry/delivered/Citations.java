package ir.tehran.womenfamily.registry.delivered;

import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.CitedService;
import ir.tehran.womenfamily.registry.beneficiary.ServiceCitations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Whether a service cited by a change of support level was delivered to her: the cited record exists and is hers.
 * An id that is someone else's is answered as one that does not exist.
 */
@ApplicationScoped
public class Citations implements ServiceCitations {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliveredTo(UUID beneficiaryId, CitedService service) {
        return switch (service.kind()) {
            case COUNSELLING -> CounsellingSession.count("id = ?1 and beneficiaryId = ?2", service.id(),
                beneficiaryId) > 0;
            case TRAINING -> TrainingEnrolment.count("id = ?1 and beneficiaryId = ?2", service.id(),
                beneficiaryId) > 0;
            case BUSINESS_FACILITATION -> BusinessFacilitation.count("id = ?1 and beneficiaryId = ?2", service.id(),
                beneficiaryId) > 0;
        };
    }
}
