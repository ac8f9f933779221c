package ir.tehran.womenfamily.sponsorship.consent;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Applies the registry's {@code consent.given} / {@code consent.revoked} events of purpose {@code SPONSORSHIP} to
 * {@link SponsorshipConsent}; other purposes are read and ignored. The event's {@code purposeActive} (whether she
 * still has an active consent to the purpose after the change) is what is kept. A mother's consent events share
 * one partition (the key is her id); a row remembers the position of the event it last applied and an older event
 * never overwrites a newer one, so re-applying or replaying is harmless. Applied in the consumer's transaction,
 * with its processed-event log (see {@code roster.RegistryEventsConsumer}). When a mother's row changes between
 * consenting and not, {@link SponsorshipConsentChanged} is fired in that transaction (her running sponsorships
 * are suspended or resumed); an event that changes nothing (re-applied, replayed) fires nothing.
 */
@ApplicationScoped
public class ConsentProjection {

    @Inject
    Event<SponsorshipConsentChanged> changed;

    public static final String PURPOSE = "SPONSORSHIP";

    /** Applies one consent event; false when it is not about her sponsorship consent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(ReceivedEvent event) {
        JsonNode d = event.data();
        if (!PURPOSE.equals(d.required("purpose").asText())) {
            return false;
        }
        UUID mother = UUID.fromString(d.required("beneficiaryId").asText());
        JsonNode active = d.required("purposeActive");
        if (!active.isBoolean()) {
            throw new IllegalArgumentException("'purposeActive' is not a boolean");
        }
        SponsorshipConsent c = SponsorshipConsent.findById(mother);
        if (c != null && c.sourcePartition == event.partition() && event.offset() <= c.sourceOffset) {
            return true;
        }
        boolean isNew = c == null;
        boolean before = !isNew && c.active;
        if (isNew) {
            c = new SponsorshipConsent();
            c.motherId = mother;
        }
        c.active = active.asBoolean();
        c.consentId = UUID.fromString(d.required("consentId").asText());
        c.changedAt = Instant.parse(d.required("at").asText());
        c.sourceEventId = event.id();
        c.sourcePartition = event.partition();
        c.sourceOffset = event.offset();
        if (isNew) {
            c.persist();
        }
        if (before != c.active) {
            changed.fire(new SponsorshipConsentChanged(mother, c.active, c.changedAt));
        }
        return true;
    }
}
