package ir.tehran.womenfamily.registry.beneficiary;

/**
 * Fired, synchronously and inside the registration's transaction, once a new woman's record is persisted: the
 * duplicate review ({@code duplicate.DuplicateDetector}) looks for records that are probably her. The
 * registration does not know who listens, so the duplicate package builds on this one and not the reverse; an
 * observer that throws rolls the registration back.
 */
public record BeneficiaryRegistered(Beneficiary beneficiary) {
}
