package ir.tehran.womenfamily.registry.beneficiary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A kind of service the directorate delivers to a woman, and the step of the support ladder it serves
 * (counselling, then training, then business facilitation).
 */
@Schema(name = "DeliveredServiceKind")
public enum ServiceKind {
    COUNSELLING(Beneficiary.SupportLevel.COUNSELLING),
    TRAINING(Beneficiary.SupportLevel.TRAINING),
    BUSINESS_FACILITATION(Beneficiary.SupportLevel.BUSINESS_SUPPORT);

    private final Beneficiary.SupportLevel ladderStep;

    ServiceKind(Beneficiary.SupportLevel ladderStep) {
        this.ladderStep = ladderStep;
    }

    /** The step of the support ladder this kind of service serves. */
    public Beneficiary.SupportLevel ladderStep() {
        return ladderStep;
    }
}
