package ir.tehran.womenfamily.registry.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The disclosure log: every share the registry makes under a consent is written here, in the share's
 * transaction, naming the consent that allowed it. {@link #share} is the one way to do it: it finds the
 * active consent covering the share and records it, or answers empty when there is none (nothing shared).
 * Shares the bazaar and sponsorship make are reported by their events and recorded by {@link #reported}.
 */
@ApplicationScoped
public class DisclosureLog {

    private static final Logger LOG = Logger.getLogger(DisclosureLog.class);

    public static final String RESOURCE = "beneficiary.disclosures";

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /**
     * Records that {@code what} of the woman goes to {@code recipient} under her active consent to
     * {@code purpose} (covering {@code agency} when sharing with one); empty, and nothing recorded, when she
     * has no such consent: the caller must then not share.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Disclosure> share(UUID beneficiaryId, ConsentPurpose purpose, Agency agency, String what,
            String recipient, String reference) {
        List<Consent> active = Consent.list("beneficiaryId = ?1 and purpose = ?2 and revokedAt is null "
            + "order by recordedAt desc, id", beneficiaryId, purpose);
        return active.stream().filter(c -> c.allows(purpose, agency)).findFirst().map(c -> {
            Disclosure d = new Disclosure();
            d.id = UUID.randomUUID();
            d.beneficiaryId = beneficiaryId;
            d.disclosedAt = Instant.now(clock);
            d.purpose = purpose;
            d.consentId = c.id;
            d.what = what;
            d.recipient = recipient;
            d.reference = reference;
            d.byActor = callers.current().subject();
            d.persist();
            return d;
        });
    }

    /**
     * Records a share another service reports having made of the woman under her consent (see
     * {@link DownstreamDisclosures}), under the record she stands for now: a merged-away record's share goes to
     * the survivor. The row takes the reporting service's disclosure id, so a report read twice stays one row.
     * False, and nothing recorded, when the row is already there, or when the woman or the consent is unknown
     * here (logged: a report of a record this registry never had cannot be listed for anyone).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reported(Reported r) {
        if (Disclosure.findById(r.id()) != null) {
            return false;
        }
        UUID herId = standsFor(r.beneficiaryId());
        if (herId == null || Consent.findById(r.consentId()) == null) {
            LOG.warnf("%s reported share %s of an unknown record or consent; not listed", r.service(), r.id());
            return false;
        }
        Disclosure d = new Disclosure();
        d.id = r.id();
        d.beneficiaryId = herId;
        d.disclosedAt = r.at();
        d.purpose = r.purpose();
        d.consentId = r.consentId();
        d.what = r.what();
        d.recipient = r.recipient();
        d.reference = r.reference();
        d.byActor = "service:" + r.service();
        d.service = r.service();
        d.persist();
        // by system:consumer:registry-disclosures, for the event (EventConsumers sets both)
        audit.record(AuditEvent.of("disclosure.reported", RESOURCE, herId).withDetail("service", r.service())
            .withDetail("what", r.what()).withDetail("disclosureId", r.id()));
        return true;
    }

    /** The record hers stands for now: itself, or the survivor of the merges it went into; null if unknown. */
    private static UUID standsFor(UUID id) {
        Beneficiary b = Beneficiary.findById(id);
        // a merge never makes a loop (Beneficiary.mergeInto refuses a merged survivor); the bound is a guard
        for (int hops = 0; b != null && b.mergedInto != null && hops < 16; hops++) {
            b = Beneficiary.findById(b.mergedInto);
        }
        return b == null ? null : b.id;
    }

    /** A share reported by another service: its disclosure id, and what it says it shared, to whom, when. */
    public record Reported(UUID id, String service, UUID beneficiaryId, ConsentPurpose purpose, UUID consentId,
            String what, String recipient, String reference, Instant at) {
    }

    /**
     * What was shared of her, newest first: an audited read for whoever may read her profile (an admin, a
     * caseworker of her district), 404 for anyone else.
     */
    @Transactional
    public List<Disclosure> of(UUID beneficiaryId, Caller actor) {
        beneficiaries.readable(beneficiaryId, actor);
        List<Disclosure> out = Disclosure.list("beneficiaryId = ?1 order by disclosedAt desc, id", beneficiaryId);
        audit.record(AuditEvent.of("disclosure.list", RESOURCE, beneficiaryId).withPurpose("casework")
            .withDetail("rows", out.size()));
        return out;
    }
}
