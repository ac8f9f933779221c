package ir.tehran.womenfamily.registry.consent;

import java.util.UUID;

import ir.tehran.womenfamily.registry.common.ConsentLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The consent register behind {@link ConsentLookup}, replacing the default that knows no consents: the
 * rest of the registry (businesses in bazaar publications, say) asks it before sharing anything.
 */
@ApplicationScoped
public class ConsentRegister implements ConsentLookup {

    @Inject
    ConsentService consents;

    @Override
    public boolean hasActive(UUID personId, Purpose purpose, String agency) {
        ConsentPurpose wanted = ConsentPurpose.valueOf(purpose.name());
        if (wanted != ConsentPurpose.SHARE_WITH_AGENCY) {
            return consents.hasActive(personId, wanted, null);
        }
        Agency target = agencyOf(agency);
        return target != null && consents.hasActive(personId, wanted, target);
    }

    /** {@code RELIEF_COMMITTEE} (a kind) or a name, which is an agency of kind OTHER; null for none. */
    public static Agency agencyOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (AgencyKind kind : AgencyKind.values()) {
            if (kind.name().equals(text.strip())) {
                return new Agency(kind, null);
            }
        }
        return new Agency(AgencyKind.OTHER, text);
    }
}
