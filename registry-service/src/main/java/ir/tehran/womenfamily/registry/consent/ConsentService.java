package ir.tehran.womenfamily.registry.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.Inputs;
import ir.tehran.womenfamily.registry.access.Grant;
import ir.tehran.womenfamily.registry.access.WomanAccess;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Consent per purpose. {@link #hasActive(UUID, ConsentPurpose, Agency)} is the one check every share
 * calls (a referral out, and whatever else comes to share a woman's data).
 */
@ApplicationScoped
public class ConsentService {

    public static final String RESOURCE = "beneficiary.consents";

    @Inject
    WomanAccess access;

    @Inject
    Callers callers;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Whether the woman has an unrevoked consent to {@code purpose}, covering {@code agency} when sharing. */
    @Transactional
    public boolean hasActive(UUID beneficiaryId, ConsentPurpose purpose, Agency agency) {
        List<Consent> consents = Consent.list("beneficiaryId = ?1 and purpose = ?2 and revokedAt is null",
            beneficiaryId, purpose);
        return consents.stream().anyMatch(c -> c.allows(purpose, agency));
    }

    @Transactional
    public Consent record(UUID beneficiaryId, ConsentDtos.RecordConsent request) {
        return write(List.of(prepare(beneficiaryId, request))).get(0);
    }

    /** A consent checked and built for a woman, not yet written: {@link #write} writes any number at once. */
    public record Pending(Consent consent, Grant grant) {
    }

    /**
     * Checks that the caller may record a consent for her and that the form is sound, and builds the consent;
     * writes nothing (so a batch is checked whole before its first write).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Pending prepare(UUID beneficiaryId, ConsentDtos.RecordConsent request) {
        Grant grant = access.require(beneficiaryId, RESOURCE, "consent.record");
        Agency agency = agencyOf(request.purpose(), request.agency());
        Instant now = Instant.now(clock);
        LocalDate givenOn = Inputs.pastDay("givenOn", request.givenOn(), now.atZone(Tehran.ZONE).toLocalDate());
        String by = callers.current().subject();
        return new Pending(Consent.give(beneficiaryId, request.purpose(), agency, givenOn, request.channel(), by,
            now), grant);
    }

    /**
     * Writes prepared consents, in their order, set-based: the women's rows locked in one statement (in id order,
     * so two writers over the same women queue instead of deadlocking: the new consents' foreign keys take share
     * locks on her row, which two writers at once could not both raise to the lock the announcement takes), the
     * consents inserted in one batch, each announced ({@code consent.given}, with whether her purpose is active
     * after the whole write) in one outbox batch, and each audited like one recorded alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Consent> write(List<Pending> pending) {
        SortedSet<UUID> women = new TreeSet<>();
        pending.forEach(p -> women.add(p.consent().beneficiaryId));
        lock(women);
        List<Consent> written = pending.stream().map(Pending::consent).toList();
        written.forEach(c -> c.persist());
        Consent.flush();
        Set<ActivePurpose> active = activePurposes(women);
        outbox.append(written.stream().map(c -> c.changed(active.contains(ActivePurpose.of(c)))).toList());
        for (Pending p : pending) {
            Consent consent = p.consent();
            access.audit(p.grant(), AuditEvent.of("consent.record", RESOURCE, consent.beneficiaryId)
                .withDetail("consentId", consent.id).withDetail("purpose", consent.purpose)
                .withDetail("channel", consent.channel));
        }
        return written;
    }

    /**
     * A purpose a woman has an active consent to: per agency kind, and (kind null) whatever the kind, which is
     * {@link #stillActive} for many consents in one query.
     */
    private record ActivePurpose(UUID beneficiaryId, ConsentPurpose purpose, AgencyKind agencyKind) {
        static ActivePurpose of(Consent consent) {
            return new ActivePurpose(consent.beneficiaryId, consent.purpose, consent.agencyKind);
        }
    }

    /** Every purpose (with and without its agency kind) the women have an active consent to. */
    private static Set<ActivePurpose> activePurposes(Collection<UUID> beneficiaryIds) {
        Set<ActivePurpose> active = new HashSet<>();
        Consent.<Consent>list("beneficiaryId in ?1 and revokedAt is null", beneficiaryIds).forEach(c -> {
            active.add(ActivePurpose.of(c));
            active.add(new ActivePurpose(c.beneficiaryId, c.purpose, null));
        });
        return active;
    }

    @Transactional
    public Consent revoke(UUID beneficiaryId, UUID consentId, long expectedVersion) {
        Grant grant = access.require(beneficiaryId, RESOURCE, "consent.revoke");
        Consent consent = find(beneficiaryId, consentId)
            .orElseThrow(() -> ProblemException.notFound("consent", consentId));
        if (consent.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        if (!consent.revoke(callers.current().subject(), Instant.now(clock))) {
            throw ProblemException.conflict("consent-already-revoked");
        }
        announce(consent);
        access.audit(grant, AuditEvent.of("consent.revoke", RESOURCE, beneficiaryId)
            .withDetail("consentId", consent.id).withDetail("purpose", consent.purpose));
        return consent;
    }

    /**
     * After a split moved consents back from {@code from} to {@code to}: announces each consent {@code to} holds,
     * under her id, with whether its purpose is active for her, and under {@code from} as revoked for
     * {@code from} (with whether {@code from} still has the purpose from consents of her own). The services that
     * keep a consent projection by a woman's id keep the latest event they read, so both learn the state that
     * holds now. (At a merge they drop the merged-away record's projection on {@code beneficiary.merged}, and
     * {@link #announceCurrent} announces the survivor's consents.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceMoved(UUID from, UUID to) {
        Consent.flush();
        lock(from);
        lock(to);
        for (Consent consent : Consent.<Consent>list("beneficiaryId = ?1 order by recordedAt", to)) {
            outbox.append(consent.movedAway(from, stillActive(from, consent)));
            outbox.append(consent.changed(stillActive(to, consent)));
        }
    }

    /** Announces each of her consents again, with whether its purpose is active for her now (after a merge). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceCurrent(UUID beneficiaryId) {
        Consent.flush();
        lock(beneficiaryId);
        for (Consent consent : Consent.<Consent>list("beneficiaryId = ?1 order by recordedAt", beneficiaryId)) {
            outbox.append(consent.changed(stillActive(beneficiaryId, consent)));
        }
    }

    /**
     * Locks the women's rows in id order, in one statement (the rows are locked as the sorted scan returns them),
     * so that two callers lock in one order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void lock(SortedSet<UUID> beneficiaryIds) {
        if (beneficiaryIds.isEmpty()) {
            return;
        }
        Consent.getEntityManager().createNativeQuery("select id from beneficiary where id in (?1) order by id "
            + "for no key update").setParameter(1, List.copyOf(beneficiaryIds)).getResultList();
    }

    /**
     * Her row, against another consent written for her at once. {@code no key update}: it does not wait for the
     * key-share locks that rows referring to her take (a consent's, or a background job's such as the agency-check
     * backfill, which takes hundreds at a time), so only consent writers queue on it.
     */
    private static void lock(UUID beneficiaryId) {
        Consent.getEntityManager().createNativeQuery("select 1 from beneficiary where id = ?1 for no key update")
            .setParameter(1, beneficiaryId).getResultList();
    }

    /** Whether {@code beneficiaryId} has an active consent to the purpose (and agency kind) of {@code consent}. */
    private static boolean stillActive(UUID beneficiaryId, Consent consent) {
        return Consent.count("beneficiaryId = ?1 and purpose = ?2 and revokedAt is null"
            + (consent.agencyKind == null ? "" : " and agencyKind = ?3"),
            consent.agencyKind == null ? new Object[] {beneficiaryId, consent.purpose}
                : new Object[] {beneficiaryId, consent.purpose, consent.agencyKind}) > 0;
    }

    /**
     * Tells the other services (bazaar, sponsorship) in this transaction, through the outbox. Her record's row
     * is locked first, so two changes of her consents at once are counted and announced one after the other,
     * and the last event states what holds after both.
     */
    private void announce(Consent consent) {
        Consent.flush();
        lock(consent.beneficiaryId);
        outbox.append(consent.changed(stillActive(consent.beneficiaryId, consent)));
    }

    /** Every consent she gave, revoked ones too, newest first. */
    @Transactional
    public List<Consent> history(UUID beneficiaryId) {
        Grant grant = access.require(beneficiaryId, RESOURCE, "consent.list");
        List<Consent> consents = Consent.list("beneficiaryId = ?1 order by recordedAt desc, id desc", beneficiaryId);
        access.audit(grant, AuditEvent.of("consent.list", RESOURCE, beneficiaryId)
            .withDetail("count", consents.size()));
        return consents;
    }

    @Transactional
    public Consent get(UUID beneficiaryId, UUID consentId) {
        Grant grant = access.require(beneficiaryId, RESOURCE, "consent.read");
        Consent consent = find(beneficiaryId, consentId)
            .orElseThrow(() -> ProblemException.notFound("consent", consentId));
        access.audit(grant, AuditEvent.of("consent.read", RESOURCE, beneficiaryId).withDetail("consentId", consent.id)
            .withDetail("purpose", consent.purpose));
        return consent;
    }

    private static Optional<Consent> find(UUID beneficiaryId, UUID consentId) {
        return Consent.<Consent>findByIdOptional(consentId).filter(c -> c.beneficiaryId.equals(beneficiaryId));
    }

    /** The agency a request names, checked against its purpose: field {@code agency} or {@code agency.name}. */
    static Agency agencyOf(ConsentPurpose purpose, ConsentDtos.AgencyRef ref) {
        if (purpose != ConsentPurpose.SHARE_WITH_AGENCY) {
            if (ref != null) {
                throw ProblemException.invalid("agency", "validation.consent.agency-not-expected");
            }
            return null;
        }
        return agency("agency", ref);
    }

    /** An agency reference made an {@link Agency}, or a 400 naming {@code field}. */
    public static Agency agency(String field, ConsentDtos.AgencyRef ref) {
        if (ref == null || ref.kind() == null) {
            throw ProblemException.invalid(ref == null ? field : field + ".kind", "validation.required");
        }
        if (ref.kind() == AgencyKind.OTHER && (ref.name() == null || ref.name().isBlank())) {
            throw ProblemException.invalid(field + ".name", "validation.agency.name-required");
        }
        return new Agency(ref.kind(), ref.name());
    }
}
