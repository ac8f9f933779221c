package ir.tehran.womenfamily.bazaar.producer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.common.BazaarAccess;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * How a producer appears in a listing, for the current caller: the one rule every listing that names
 * businesses goes through (applications, stalls of a run and of the published allocation, waitlists, offers,
 * sales). Staff see every business; a producer sees her own (the listings give her nothing else). Anyone else
 * (a partner app) sees a business's id only when its owner consents to publication ({@link PublicationConsent},
 * the registry's {@code BAZAAR_PUBLICATION}); otherwise {@code businessId} is null. Every row carries the same
 * keys either way, with the producer's category of goods as a neutral label, so a listing tells a partner no more
 * than that some stall's producer is not named. A business named under its owner's consent is reported to her
 * record in the registry, once per reader and day ({@link PublicationDisclosures}).
 */
@RequestScoped
public class Publication {

    /** How a listing describes a business id it may withhold (below). */
    public static final String BUSINESS_ID = "The business (or campaign applicant); null for a partner app when its "
        + "owner has not consented to publication";

    /** How a listing describes the producer's category, which it always shows. */
    public static final String PRODUCER_CATEGORY = "The producer's category of goods: a neutral label, also when her "
        + "business is not named";

    @Inject
    BazaarAccess access;

    @Inject
    Callers callers;

    @Inject
    PublicationDisclosures disclosures;

    /** How one business appears: its id when it may be shown, else null, and its category. */
    public record Shown(UUID businessId, String category) {
    }

    /** How each of {@code businessIds} appears to the caller, read in two queries. */
    @Transactional
    public Map<UUID, Shown> of(Collection<UUID> businessIds) {
        Set<UUID> ids = new HashSet<>(businessIds);
        ids.remove(null);
        Map<UUID, Producer> producers = new HashMap<>();
        if (!ids.isEmpty()) {
            Producer.<Producer>list("businessId in ?1", ids).forEach(p -> producers.put(p.businessId, p));
        }
        Map<UUID, UUID> consenting = new HashMap<>();
        boolean everyone = access.isStaff();
        if (!everyone) {
            Set<UUID> owners = new HashSet<>();
            producers.values().forEach(p -> owners.add(p.ownerId));
            if (!owners.isEmpty()) {
                PublicationConsent.<PublicationConsent>list("ownerId in ?1 and active = true", owners)
                    .forEach(c -> consenting.put(c.ownerId, c.consentId));
            }
        }
        Set<UUID> own = access.isProducer() ? callers.current().businesses() : Set.of();
        Map<UUID, Shown> out = new HashMap<>();
        List<PublicationDisclosures.Named> named = new ArrayList<>();
        for (UUID id : ids) {
            Producer p = producers.get(id);
            boolean byConsent = !everyone && !own.contains(id) && p != null && consenting.containsKey(p.ownerId);
            boolean shown = everyone || own.contains(id) || byConsent;
            out.put(id, new Shown(shown ? id : null, p == null ? null : p.category));
            if (byConsent) {
                named.add(new PublicationDisclosures.Named(id, p.ownerId, consenting.get(p.ownerId)));
            }
        }
        disclosures.named(named, recipient());
        return out;
    }

    /**
     * Who a listing names a business to under its owner's consent, as the registry's log names a recipient: a
     * partner app by its client, anyone else (another producer) by kind only, never by a person's name.
     */
    private String recipient() {
        return access.isPartnerApp() ? "partner-app:" + callers.current().subject() : "producer";
    }

    /** How one business appears to the caller. */
    public Shown of(UUID businessId) {
        return businessId == null ? new Shown(null, null) : of(Set.of(businessId)).get(businessId);
    }
}
