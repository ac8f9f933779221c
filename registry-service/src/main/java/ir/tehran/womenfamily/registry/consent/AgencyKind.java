package ir.tehran.womenfamily.registry.consent;

/** The agencies that support the same families as the directorate. */
public enum AgencyKind {
    /** کمیته امداد امام خمینی. */
    RELIEF_COMMITTEE,
    /** سازمان بهزیستی. */
    WELFARE_ORGANISATION,
    /** خیرین: benefactors, in general or one named benefactor or charity. */
    BENEFACTORS,
    /** Another agency, named. */
    OTHER
}
