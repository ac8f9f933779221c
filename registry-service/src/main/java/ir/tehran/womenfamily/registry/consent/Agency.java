package ir.tehran.womenfamily.registry.consent;

import ir.tehran.womenfamily.support.persian.PersianText;

/**
 * An agency a woman's data may be shared with or a referral goes to: a kind and, for {@code OTHER}
 * (required) or {@code BENEFACTORS} (optional), a name. Names match by their folded Persian form, so
 * «کمیته امداد» and «كميته امداد» are one agency.
 */
public record Agency(AgencyKind kind, String name) {

    public Agency {
        if (kind == null) {
            throw new IllegalArgumentException("an agency needs a kind");
        }
        name = name == null || name.isBlank() ? null : PersianText.normalize(name);
        if (kind == AgencyKind.OTHER && name == null) {
            throw new IllegalArgumentException("an agency of kind OTHER needs a name");
        }
    }

    /** The matching key: {@code RELIEF_COMMITTEE}, {@code OTHER:انجمن حمایت}. */
    public String key() {
        return name == null ? kind.name() : kind.name() + ":" + PersianText.matchKey(name);
    }

    /**
     * Whether a consent to share with this agency covers sharing with {@code other}: the same kind, and
     * the same name, or no name on the consent (benefactors in general cover each benefactor).
     */
    public boolean covers(Agency other) {
        return other != null && kind == other.kind && (name == null || key().equals(other.key()));
    }
}
