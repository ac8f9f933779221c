package ir.tehran.womenfamily.registry.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The disclosure log: every share the registry makes under a consent is written here, in the share's
 * transaction, naming the consent that allowed it. {@link #share} is the one way to do it: it finds the
 * active consent covering the share and records it, or answers empty when there is none (nothing shared).
 */
@ApplicationScoped
public class DisclosureLog {

    public static final String RESOURCE = "beneficiary.disclosures";

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    Audit audit;

    @Inject
    Callers callers;

    Clock clock = Clock.systemUTC();

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
