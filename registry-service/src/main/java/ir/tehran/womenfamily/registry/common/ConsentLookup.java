package ir.tehran.womenfamily.registry.common;

import java.util.UUID;

/** Whether a person has an active consent for a purpose; every share of her data asks this first. */
public interface ConsentLookup {

    /** Purposes a woman consents to separately. */
    enum Purpose { SHARE_WITH_AGENCY, SPONSORSHIP, BAZAAR_PUBLICATION }

    boolean hasActive(UUID personId, Purpose purpose, String agency);
}
