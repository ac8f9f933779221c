package ir.tehran.womenfamily.registry.casework;

/** A referral from the directorate to another agency, or from another agency to the directorate. */
public enum ReferralDirection {
    OUT, IN
}
