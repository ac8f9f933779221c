package ir.tehran.womenfamily.registry.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a referral is for, which decides what of her record the receiving agency is sent: the least that lets
 * the agency find her and do what it is asked. Her national code and name always (the agency must know whom
 * it is asked to help); nothing else unless the purpose needs it. No purpose carries a cohort, a case note, a
 * placement or how she came to the directorate: a sensitive fact would need a consent that names it, and the
 * consent register has none.
 */
public enum ReferralPurpose {
    /** A referral whose purpose is not one of the others: whom only. */
    GENERAL(EnumSet.noneOf(Field.class)),
    /** Financial or in-kind support (the Relief Committee's pensions, say): where she lives, her age. */
    FINANCIAL_SUPPORT(EnumSet.of(Field.BIRTH_DATE, Field.DISTRICT)),
    /** Employment or training: her age, how to reach her, where she lives. */
    EMPLOYMENT(EnumSet.of(Field.BIRTH_DATE, Field.MOBILE, Field.DISTRICT)),
    /** Health care or counselling: her age and how to reach her. */
    HEALTH_CARE(EnumSet.of(Field.BIRTH_DATE, Field.MOBILE)),
    /** Legal aid: how to reach her. */
    LEGAL_AID(EnumSet.of(Field.MOBILE));

    /** A field sent beyond her national code and name. */
    public enum Field { BIRTH_DATE, MOBILE, DISTRICT }

    private final Set<Field> fields;

    ReferralPurpose(Set<Field> fields) {
        this.fields = fields;
    }

    /** The fields beyond her national code and name that this purpose sends. */
    public Set<Field> fields() {
        return fields;
    }

    public boolean sends(Field field) {
        return fields.contains(field);
    }
}
