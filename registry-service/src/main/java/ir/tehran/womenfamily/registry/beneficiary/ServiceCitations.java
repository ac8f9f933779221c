package ir.tehran.womenfamily.registry.beneficiary;

import java.util.UUID;

/**
 * Whether a service a change of support level cites was delivered to her. Implemented where the services live
 * (package {@code delivered}), so that this package does not depend on it.
 */
public interface ServiceCitations {

    /** True when {@code service} exists and was delivered to the woman {@code beneficiaryId}. */
    boolean deliveredTo(UUID beneficiaryId, CitedService service);
}
