package ir.tehran.womenfamily.registry.consent;

/** What a woman consents to. */
public enum ConsentPurpose {
    /** Sharing her data with a named agency (a referral out, a duplicate-check answer beyond enrolment). */
    SHARE_WITH_AGENCY,
    /** Being presented to sponsors for her children's education support. */
    SPONSORSHIP,
    /** Being listed as a producer in bazaar and exhibition publications. */
    BAZAAR_PUBLICATION
}
