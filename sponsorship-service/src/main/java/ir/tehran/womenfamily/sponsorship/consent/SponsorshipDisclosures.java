package ir.tehran.womenfamily.sponsorship.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reports to the registry, through the outbox ({@code sponsorship.disclosure}, {@code disclosure.recorded}, keyed by
 * the mother's registry id), each time a woman's child is shared with a sponsor under her {@code SPONSORSHIP}
 * consent, so that her record lists it ({@code GET /beneficiaries/{id}/disclosures}). One report per share, not
 * per read: {@link #CHILD_PROPOSED} when a child is proposed to a sponsor (by an officer or by matching; the sponsor
 * sees the child's code, initial and purpose), {@link #CHILD_SPONSORED} when the sponsorship starts or resumes
 * (from then on, and until it ends or is suspended, the sponsor's own view shows the child's age, grade and
 * progress). The reference is the pledge's id; the recipient is the kind {@code sponsor}, never the sponsor's
 * identity, which stays here.
 */
@ApplicationScoped
public class SponsorshipDisclosures {

    public static final String AGGREGATE = "disclosure";
    public static final String CHILD_PROPOSED = "child-proposed";
    public static final String CHILD_SPONSORED = "child-sponsored";
    static final String RECIPIENT = "sponsor";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** {@code disclosure.recorded} v1: what was shared of her, to whom, under which consent. No personal data. */
    public record DisclosureRecorded(UUID disclosureId, UUID beneficiaryId, String purpose, UUID consentId,
            String what, String recipient, String reference, Instant at) {
    }

    /**
     * Reports, in the caller's transaction (the share's), that {@code what} of the mother's child went to a sponsor
     * under pledge {@code pledgeId}; 409 {@code consent-required} when she does not consent now, so that nothing is
     * shared without the consent it is reported under.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DisclosureRecorded shared(UUID motherId, String what, UUID pledgeId) {
        SponsorshipConsent c = motherId == null ? null : SponsorshipConsent.findById(motherId);
        if (c == null || !c.active) {
            throw ProblemException.conflict("consent-required");
        }
        DisclosureRecorded event = new DisclosureRecorded(UUID.randomUUID(), motherId, ConsentProjection.PURPOSE,
            c.consentId, what, RECIPIENT, pledgeId.toString(), Instant.now(clock));
        outbox.append(DomainEvent.of(AGGREGATE, motherId, "disclosure.recorded", 1, event));
        return event;
    }
}
