package ir.tehran.womenfamily.bazaar.producer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Reports to the registry, through the outbox ({@code bazaar.disclosure}, {@code disclosure.recorded}, keyed by the
 * owner's registry id), each business a listing names to someone who sees it only under its owner's
 * {@code BAZAAR_PUBLICATION} consent (a partner app): once per business, reader and Tehran day, not per read, so
 * that her record lists "named to partner app X on day D" ({@code GET /beneficiaries/{id}/disclosures}) however
 * many pages the app read that day. The {@code publication_disclosure} row (business, reader, day) is written in
 * the listing's transaction; a second listing that day, or one running at the same time, finds it and reports
 * nothing. What the reader saw is the business's id; the report's reference is that id.
 */
@ApplicationScoped
public class PublicationDisclosures {

    public static final String AGGREGATE = "disclosure";
    public static final String PRODUCER_LISTED = "producer-listed";
    static final String PURPOSE = "BAZAAR_PUBLICATION";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** {@code disclosure.recorded} v1: what was shared of her, to whom, under which consent. No personal data. */
    public record DisclosureRecorded(UUID disclosureId, UUID beneficiaryId, String purpose, UUID consentId,
            String what, String recipient, String reference, Instant at) {
    }

    /** One business named under its owner's consent: the business, its owner, the consent. */
    public record Named(UUID businessId, UUID ownerId, UUID consentId) {
    }

    /** Records, in the listing's transaction, that these businesses were named to {@code recipient}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void named(Collection<Named> named, String recipient) {
        if (named.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        LocalDate day = Tehran.today(clock);
        for (Named n : named) {
            UUID id = UUID.randomUUID();
            int inserted = em.createNativeQuery("insert into publication_disclosure (business_id, recipient, day, "
                    + "owner_id, disclosure_id, disclosed_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, n.businessId()).setParameter(2, recipient).setParameter(3, day)
                .setParameter(4, n.ownerId()).setParameter(5, id).setParameter(6, now).executeUpdate();
            if (inserted == 1) {
                outbox.append(DomainEvent.of(AGGREGATE, n.ownerId(), "disclosure.recorded", 1,
                    new DisclosureRecorded(id, n.ownerId(), PURPOSE, n.consentId(), PRODUCER_LISTED, recipient,
                        n.businessId().toString(), now)));
            }
        }
    }
}
