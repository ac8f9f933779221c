package ir.tehran.womenfamily.bazaar.producer;

import ir.tehran.womenfamily.support.taxonomy.Category;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.EventConsumers;
import ir.tehran.womenfamily.support.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the producers' read model from the registry's {@code registry.business} and {@code registry.campaign}
 * events. Each event is applied exactly once: {@link EventConsumers} records its id in the same transaction as
 * its effect, and so does the audit log, by {@code system:consumer:bazaar-registry} for the purpose
 * {@code event:<type>}. {@code business.registered} and {@code business.updated} carry the full state;
 * {@code business.closed} closes her business, which releases her future stalls (see {@link BusinessClosed});
 * {@code campaign.bazaar-eligible} makes a campaign woman an applicant without a business (see
 * {@link Producer.Kind#CAMPAIGN}); {@code consent.given} / {@code consent.revoked} on {@code registry.consent} keep
 * whether an owner consents to publication ({@link PublicationConsent}).
 * From {@code registry.beneficiary} it reads only {@code beneficiary.merged} and
 * {@code beneficiary.split}: her producers are held under the record she stands for now (see {@link OwnerMerge}),
 * so that two records of one woman never count as two applicants, and go back when a merge is undone.
 */
@ApplicationScoped
public class RegistryEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RegistryEventsConsumer.class);

    @Inject
    EventConsumers consumers;

    @Inject
    Clock clock;

    @Inject
    Event<BusinessClosed> closed;

    @Inject
    Audit audit;

    @ConfigProperty(name = "bazaar.registry-topics")
    List<String> topics;

    @ConfigProperty(name = "bazaar.consume-registry-events", defaultValue = "true")
    boolean enabled;

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start("bazaar-registry", topics, this::apply);
        }
    }

    void apply(ReceivedEvent event) {
        if (event.is("business.registered") || event.is("business.updated")) {
            upsert(event);
        } else if (event.is("business.closed")) {
            close(event);
        } else if (event.is("campaign.bazaar-eligible")) {
            eligible(event);
        } else if (event.is("consent.given") || event.is("consent.revoked")) {
            consent(event);
        } else if (event.is("beneficiary.merged")) {
            merged(event);
        } else if (event.is("beneficiary.split")) {
            split(event);
        } else {
            LOG.debugf("ignoring %s", event.type());
        }
    }

    private void upsert(ReceivedEvent event) {
        JsonNode data = event.data();
        UUID id = UUID.fromString(data.required("businessId").asText());
        Producer p = Producer.findById(id);
        boolean isNew = p == null;
        if (isNew) {
            p = new Producer();
            p.businessId = id;
            p.kind = Producer.Kind.BUSINESS;
        }
        Producer.Status before = isNew ? null : p.status;
        owner(p, UUID.fromString(data.required("ownerId").asText()));
        p.headsHousehold = data.required("ownerHeadsHousehold").asBoolean();
        p.category = Category.ofCode(data.required("category").asText()).code();
        JsonNode district = data.path("district");
        p.district = district.isIntegralNumber() ? (short) district.asInt() : null;
        p.status = Producer.Status.valueOf(data.required("status").asText());
        p.publicationConsent = data.required("publicationConsent").asBoolean();
        p.updatedAt = event.time() == null ? Instant.now(clock) : event.time().toInstant();
        p.sourceEventId = event.id();
        if (p.status == Producer.Status.CLOSED && p.closedAt == null) {
            p.closedAt = p.updatedAt;
        }
        if (isNew) {
            p.persist();
        }
        if (p.status == Producer.Status.CLOSED && before != Producer.Status.CLOSED) {
            closed.fire(new BusinessClosed(id));
        }
        // by system:consumer:bazaar-registry, for the event (EventConsumers sets both)
        audit.record(AuditEvent.of(isNew ? "producer.add" : "producer.update", "producer", id)
            .withDetail("status", p.status).withDetail("eventId", event.id()));
    }

    private void close(ReceivedEvent event) {
        JsonNode data = event.data();
        UUID id = UUID.fromString(data.required("businessId").asText());
        Producer p = Producer.findById(id);
        Instant at = Instant.parse(data.required("closedAt").asText());
        if (p == null) {
            // one business's events share a partition, so this is a business we never saw registered:
            // nothing of hers is here to release
            LOG.infof("business %s closed before any event of it reached this service", id);
            return;
        }
        boolean wasClosed = p.status == Producer.Status.CLOSED;
        p.status = Producer.Status.CLOSED;
        p.closedAt = at;
        p.updatedAt = at;
        p.sourceEventId = event.id();
        if (!wasClosed) {
            closed.fire(new BusinessClosed(id));
        }
        audit.record(AuditEvent.of("producer.close", "producer", id).withDetail("eventId", event.id()));
    }

    /**
     * A woman's consent to publication (purpose {@code BAZAAR_PUBLICATION}; other purposes are ignored) given or
     * revoked: {@code purposeActive} says whether she consents after the change. Her consent events share one
     * partition (keyed by her id); an event older than the one a row last applied changes nothing.
     */
    private void consent(ReceivedEvent event) {
        JsonNode data = event.data();
        if (!"BAZAAR_PUBLICATION".equals(data.required("purpose").asText())) {
            return;
        }
        UUID owner = UUID.fromString(data.required("beneficiaryId").asText());
        JsonNode active = data.required("purposeActive");
        if (!active.isBoolean()) {
            throw new IllegalArgumentException("'purposeActive' is not a boolean");
        }
        PublicationConsent c = PublicationConsent.findById(owner);
        if (c != null && c.sourcePartition == event.partition() && event.offset() <= c.sourceOffset) {
            return;
        }
        boolean isNew = c == null;
        if (isNew) {
            c = new PublicationConsent();
            c.ownerId = owner;
        }
        c.active = active.asBoolean();
        c.consentId = UUID.fromString(data.required("consentId").asText());
        c.changedAt = Instant.parse(data.required("at").asText());
        c.sourceEventId = event.id();
        c.sourcePartition = event.partition();
        c.sourceOffset = event.offset();
        if (isNew) {
            c.persist();
        }
        audit.record(AuditEvent.of("publication-consent.update", "producer-owner", owner)
            .withDetail("active", c.active).withDetail("eventId", event.id()));
    }

    /**
     * A campaign woman made her first sale: she becomes (or stays) an active campaign applicant under her mentee
     * id. Announced again (after a merge of her records), it brings her new person id and categories.
     */
    private void eligible(ReceivedEvent event) {
        JsonNode data = event.data();
        UUID menteeId = UUID.fromString(data.required("menteeId").asText());
        Producer p = Producer.findById(menteeId);
        if (p != null && !p.isCampaign()) {
            LOG.warnf("campaign applicant %s has the id of a business; event %s ignored", menteeId, event.id());
            return;
        }
        boolean isNew = p == null;
        if (isNew) {
            p = new Producer();
            p.businessId = menteeId;
            p.kind = Producer.Kind.CAMPAIGN;
            p.publicationConsent = false;
        }
        TreeSet<String> categories = new TreeSet<>();
        data.required("categories").forEach(c -> categories.add(Category.ofCode(c.asText()).code()));
        owner(p, UUID.fromString(data.required("personId").asText()));
        p.headsHousehold = data.required("headsHousehold").asBoolean();
        p.district = (short) data.required("district").asInt();
        // her category stays the one she last applied in: her stalls already given are counted under it
        p.categories = categories.toArray(String[]::new);
        p.eligibleSince = LocalDate.parse(data.required("since").asText());
        p.status = Producer.Status.ACTIVE;
        p.closedAt = null;
        p.updatedAt = event.time() == null ? Instant.now(clock) : event.time().toInstant();
        p.sourceEventId = event.id();
        if (isNew) {
            p.persist();
        }
    }

    private static void owner(Producer p, UUID registryOwner) {
        p.registryOwnerId = registryOwner;
        p.ownerId = OwnerMerge.resolve(registryOwner);
    }

    /**
     * Two registry records of one woman were merged: the producers of the merged-away record (and of records
     * merged into it before) are now held under the survivor. Read again, it changes nothing.
     */
    private void merged(ReceivedEvent event) {
        JsonNode data = event.data();
        UUID merged = UUID.fromString(data.required("beneficiaryId").asText());
        UUID survivor = UUID.fromString(data.required("survivorId").asText());
        if (merged.equals(OwnerMerge.resolve(survivor))) {
            throw new IllegalArgumentException("merging " + merged + " into " + survivor + " would make a loop");
        }
        if (OwnerMerge.findById(merged) == null) {
            OwnerMerge m = new OwnerMerge();
            m.mergedId = merged;
            m.survivorId = survivor;
            m.mergedAt = Instant.parse(data.required("mergedAt").asText());
            m.sourceEventId = event.id();
            m.persist();
        }
        // her consents now stand under the survivor, where the registry announces them again
        PublicationConsent.deleteById(merged);
        relink(event, Producer.list("ownerId = ?1 or registryOwnerId = ?1", merged));
    }

    /** A merge was undone: the producers the registry names as hers are hers again. Read again, it changes nothing. */
    private void split(ReceivedEvent event) {
        JsonNode data = event.data();
        UUID split = UUID.fromString(data.required("beneficiaryId").asText());
        UUID survivor = UUID.fromString(data.required("survivorId").asText());
        OwnerMerge m = OwnerMerge.findById(split);
        if (m != null && m.survivorId.equals(survivor)) {
            m.delete();
        }
        relink(event, Producer.list("ownerId in ?1 or registryOwnerId = ?2",
            List.of(survivor, OwnerMerge.resolve(survivor)), split));
    }

    private void relink(ReceivedEvent event, List<Producer> producers) {
        for (Producer p : producers) {
            UUID now = OwnerMerge.resolve(p.registryOwnerId);
            if (!now.equals(p.ownerId)) {
                audit.record(AuditEvent.of("producer.relink", "producer", p.businessId)
                    .withDetail("eventId", event.id()));
                p.ownerId = now;
            }
        }
    }
}
