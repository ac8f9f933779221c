package ir.tehran.womenfamily.registry.business;

import ir.tehran.womenfamily.support.taxonomy.Category;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.registry.centre.WorkshopCentre;
import ir.tehran.womenfamily.registry.common.ConsentLookup;
import ir.tehran.womenfamily.support.sms.Mobile;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class BusinessService {

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    ConsentLookup consents;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Business register(BusinessDtos.RegisterBusiness r, Caller actor) {
        if ((r.ownerBeneficiaryId() == null) == (r.ownerParticipantId() == null)) {
            throw ProblemException.invalid("ownerBeneficiaryId", "validation.one-owner");
        }
        Short district = r.district();
        if (r.ownerBeneficiaryId() != null) {
            Beneficiary owner = beneficiaries.writable(r.ownerBeneficiaryId(), actor);
            district = district != null ? district : owner.district;
        } else {
            CampaignParticipant p = CampaignParticipant.<CampaignParticipant>findByIdOptional(r.ownerParticipantId())
                .orElseThrow(() -> ProblemException.invalid("ownerParticipantId", "validation.unknown-participant"));
            district = district != null ? district : p.district;
        }
        checkCentre(r.centreId());
        Business.Registered reg = Business.register(r.ownerBeneficiaryId(), r.ownerParticipantId(),
            new Business.Facts(r.name(), r.category(), r.products(), r.centreId(), r.mentor(), district),
            consent(r.ownerBeneficiaryId(), r.ownerParticipantId()), Instant.now(clock));
        reg.business().persist();
        outbox.append(reg.events());
        audit.record(AuditEvent.of("business.register", "business", reg.business().id));
        return reg.business();
    }

    @Transactional
    public Optional<Business> find(UUID id) {
        return Business.findByIdOptional(id);
    }

    @Transactional
    public Page<Business> list(Category category, Short district, Business.Status status, PageRequest page) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (category != null) {
            q.append(" and category = :category");
            params.put("category", category);
        }
        if (district != null) {
            q.append(" and district = :district");
            params.put("district", district);
        }
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (page.cursor() != null) {
            // keyset: after the last business of the page before, in (registeredAt, id) order
            q.append(" and (registeredAt > :at or (registeredAt = :at and id > :id))");
            params.put("at", page.cursor().instant(0));
            params.put("id", page.cursor().uuid(1));
        }
        List<Business> rows = Business.<Business>find(q.toString(), Sort.by("registeredAt").and("id"), params)
            .page(0, page.fetchSize()).list();
        return page.page(rows, b -> Cursor.of(b.registeredAt, b.id));
    }

    @Transactional
    public Business update(UUID id, long expectedVersion, BusinessDtos.UpdateBusiness u) {
        Business b = Business.<Business>findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("business", id));
        if (b.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        checkCentre(u.centreId());
        outbox.append(b.update(new Business.Facts(u.name(), u.category(), u.products(), u.centreId(), u.mentor(),
            u.district()), u.status(), consent(b.ownerBeneficiaryId, b.ownerParticipantId)));
        audit.record(AuditEvent.of("business.update", "business", b.id));
        return b;
    }

    @Transactional
    public Business close(UUID id, long expectedVersion) {
        Business b = Business.<Business>findByIdOptional(id)
            .orElseThrow(() -> ProblemException.notFound("business", id));
        if (b.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        outbox.append(b.close(Instant.now(clock)));
        audit.record(AuditEvent.of("business.close", "business", b.id));
        return b;
    }

    /** On a merge: the businesses of {@code from} pass to {@code to}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> transferOwnership(UUID from, UUID to) {
        List<DomainEvent> events = new ArrayList<>();
        for (Business b : Business.<Business>list("ownerBeneficiaryId = ?1 and status <> ?2", from,
                Business.Status.CLOSED)) {
            events.addAll(b.transferTo(to, consent(to, null)));
        }
        return events;
    }

    @Transactional
    public CampaignParticipant registerParticipant(BusinessDtos.RegisterParticipant r) {
        String code = NationalCode.canonical(r.nationalCode())
            .orElseThrow(() -> ProblemException.invalid("nationalCode", "validation.national-code"));
        if (CampaignParticipant.count("nationalCode", code) > 0 || Beneficiary.count("nationalCode", code) > 0) {
            throw ProblemException.conflict("person-exists");
        }
        CampaignParticipant p = new CampaignParticipant();
        p.id = UUID.randomUUID();
        p.nationalCode = code;
        p.firstName = PersianText.normalize(r.firstName());
        p.lastName = PersianText.normalize(r.lastName());
        if (r.mobile() != null && !r.mobile().isBlank()) {
            p.mobile = Mobile.e164(r.mobile())
                .orElseThrow(() -> ProblemException.invalid("mobile", "validation.mobile"));
        }
        p.district = r.district();
        p.registeredAt = Instant.now(clock);
        p.persist();
        audit.record(AuditEvent.of("participant.register", "campaign-participant", p.id));
        return p;
    }

    private boolean consent(UUID beneficiaryOwner, UUID participantOwner) {
        UUID person = beneficiaryOwner != null ? beneficiaryOwner : participantOwner;
        return consents.hasActive(person, ConsentLookup.Purpose.BAZAAR_PUBLICATION, null);
    }

    private static void checkCentre(UUID centreId) {
        if (centreId != null && WorkshopCentre.findById(centreId) == null) {
            throw ProblemException.invalid("centreId", "validation.unknown-centre");
        }
    }
}
