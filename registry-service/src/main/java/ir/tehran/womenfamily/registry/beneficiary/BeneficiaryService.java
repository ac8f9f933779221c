package ir.tehran.womenfamily.registry.beneficiary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.WomanAccess;
import ir.tehran.womenfamily.support.sms.Mobile;
import ir.tehran.womenfamily.registry.common.PostalCode;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class BeneficiaryService {

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    Event<BeneficiaryRegistered> registered;

    @Inject
    ExistenceProbes probes;

    @Inject
    WomanAccess access;

    @Inject
    ServiceCitations citations;

    @Inject
    Clock clock;

    /** Registers a woman, her events and any likely duplicates for review, in one transaction. */
    @Transactional
    public Beneficiary register(BeneficiaryDtos.RegisterBeneficiary r, Caller actor) {
        String code = NationalCode.canonical(r.nationalCode())
            .orElseThrow(() -> ProblemException.invalid("nationalCode", "validation.national-code"));
        Beneficiary.Profile profile = profile(r.firstName(), r.lastName(), r.fatherName(), r.birthDate(), r.mobile(),
            r.address(), r.district(), r.postalCode(), Tehran.today(clock));
        if (!Access.canPlaceIn(actor, profile.district())) {
            throw ProblemException.invalid("district", "validation.district-not-yours");
        }
        probes.requireWithinLimit(actor);
        Optional<Beneficiary> existing = Beneficiary.find("nationalCode", code).firstResultOptional();
        if (existing.isPresent()) {
            throw alreadyRegistered(existing.get(), actor);
        }
        Beneficiary.Registration reg = Beneficiary.register(code, profile, r.registrationChannel(), null,
            actor.subject(), now());
        Beneficiary b = reg.beneficiary();
        b.persist();
        List<DomainEvent> events = new ArrayList<>(reg.events());
        outbox.append(events);
        registered.fire(new BeneficiaryRegistered(b));
        audit.record(AuditEvent.of("beneficiary.register", "beneficiary", b.id));
        return b;
    }

    /**
     * The 409 for a national code that is already registered. A caller who may see that woman (the
     * survivor, when the record was merged) learns her id; anyone else gets the same 409 with no id and no
     * district, and the attempt is recorded as DENIED and counted against her {@link ExistenceProbes} limit.
     */
    private ProblemException alreadyRegistered(Beneficiary e, Caller actor) {
        Beneficiary target = e.isMerged()
            ? Beneficiary.<Beneficiary>findByIdOptional(e.mergedInto).orElse(e) : e;
        if (access.visibleTo(actor).test(target.id)) {
            return ProblemException.conflict("beneficiary-exists").with("existingId", target.id);
        }
        probes.recordDenied(target.id);
        return ProblemException.conflict("beneficiary-exists");
    }

    /**
     * Her profile if the actor may see her ({@link WomanAccess}), else the 404 of a woman who does not exist;
     * merged records are returned as they are (the resource redirects).
     */
    @Transactional
    public Beneficiary profile(UUID id, Caller actor) {
        return seen(id, actor, "beneficiary.read");
    }

    @Transactional
    public Beneficiary update(UUID id, long expectedVersion, BeneficiaryDtos.UpdateBeneficiary u, Caller actor) {
        Beneficiary b = live(id, actor, expectedVersion);
        Beneficiary.Profile p = profile(u.firstName(), u.lastName(), u.fatherName(), u.birthDate(), u.mobile(),
            u.address(), u.district(), u.postalCode(), Tehran.today(clock));
        if (u.district() != null && !Access.canPlaceIn(actor, u.district())) {
            throw ProblemException.invalid("district", "validation.district-not-yours");
        }
        outbox.append(b.update(p, now()));
        audit.record(AuditEvent.of("beneficiary.update", "beneficiary", b.id));
        return b;
    }

    @Transactional
    public Beneficiary changeStatus(UUID id, Long expectedVersion, BeneficiaryDtos.StatusChange c, Caller actor) {
        Beneficiary b = live(id, actor, expectedVersion);
        Beneficiary.HistoryChange change = b.changeStatus(c.status(), c.reason(), actor.subject(), now());
        change.entry().persist();
        outbox.append(change.events());
        audit.record(AuditEvent.of("beneficiary.status", "beneficiary", b.id).withDetail("to", c.status()));
        return b;
    }

    @Transactional
    public Beneficiary changeSupportLevel(UUID id, Long expectedVersion, BeneficiaryDtos.SupportLevelChange c,
            Caller actor) {
        Beneficiary b = live(id, actor, expectedVersion);
        List<CitedService> cited = c.cited();
        List<ProblemException.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < cited.size(); i++) {
            if (!citations.deliveredTo(b.id, cited.get(i))) {
                unknown.add(new ProblemException.FieldError("citedServices[" + i + "]", "validation.cited-service"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "validation", unknown);
        }
        Beneficiary.HistoryChange change = b.changeSupportLevel(c.supportLevel(), c.reason(), cited,
            actor.subject(), now());
        change.entry().persist();
        outbox.append(change.events());
        audit.record(AuditEvent.of("beneficiary.support-level", "beneficiary", b.id)
            .withDetail("to", c.supportLevel()).withDetail("cited", cited.size()));
        return b;
    }

    @Transactional
    public List<BeneficiaryHistory> history(UUID id, Caller actor) {
        seen(id, actor, "beneficiary.history");
        return BeneficiaryHistory.list("beneficiaryId = ?1 order by id", id);
    }

    /** A record the actor may read (merged ones included), or 404. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiary readable(UUID id, Caller actor) {
        return seen(id, actor, "beneficiary.read");
    }

    /** A record the actor may change: visible and not merged away, or 404 / 409. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiary writable(UUID id, Caller actor) {
        return live(id, actor, null);
    }

    /** A record the actor may change: visible, not merged away, and (when given) at the version she read. */
    Beneficiary live(UUID id, Caller actor, Long expectedVersion) {
        Beneficiary b = seen(id, actor, "beneficiary.write");
        if (b.isMerged()) {
            throw new ProblemException(409, "beneficiary-merged").with("mergedInto", b.mergedInto);
        }
        if (expectedVersion != null && expectedVersion != b.version) {
            throw ProblemException.preconditionFailed();
        }
        return b;
    }

    /** The record, once {@link WomanAccess} let the actor see her; 404 (audited) when it did not. */
    private Beneficiary seen(UUID id, Caller actor, String action) {
        access.require(actor, id, "beneficiary", action);
        return Beneficiary.findById(id);
    }

    /** Validates and canonicalises profile facts (a birth date not after {@code today}); every bad field at once. */
    public static Beneficiary.Profile profile(String first, String last, String father, LocalDate birthDate,
            String mobile, String address, Short district, String postalCode, LocalDate today) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String canonicalMobile = null;
        if (mobile != null && !mobile.isBlank()) {
            canonicalMobile = Mobile.e164(mobile).orElse(null);
            if (canonicalMobile == null) {
                errors.add(new ProblemException.FieldError("mobile", "validation.mobile"));
            }
        }
        String canonicalPostal = null;
        if (postalCode != null && !postalCode.isBlank()) {
            canonicalPostal = PostalCode.canonical(postalCode).orElse(null);
            if (canonicalPostal == null) {
                errors.add(new ProblemException.FieldError("postalCode", "validation.postal-code"));
            }
        }
        if (birthDate != null
                && (birthDate.isAfter(today) || birthDate.isBefore(LocalDate.of(1921, 3, 21)))) {
            errors.add(new ProblemException.FieldError("birthDate", "validation.birth-date"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        return new Beneficiary.Profile(first, last, father, birthDate, canonicalMobile, address, district,
            canonicalPostal);
    }

    Instant now() {
        return Instant.now(clock);
    }
}
