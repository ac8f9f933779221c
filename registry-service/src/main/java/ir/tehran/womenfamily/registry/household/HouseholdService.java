package ir.tehran.womenfamily.registry.household;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.beneficiary.NationalCode;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A woman's household: her children under 20 and her other dependants. */
@ApplicationScoped
public class HouseholdService {

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Child addChild(UUID motherId, HouseholdDtos.AddChild r, Caller actor) {
        Beneficiary mother = beneficiaries.writable(motherId, actor);
        Child.Facts facts = facts(r.firstName(), r.lastName(), r.nationalCode(), r.birthDate(), r.gender(), r.grade(),
            Tehran.today(clock));
        Child.Added added = Child.add(mother.id, mother.district, facts);
        added.child().persist();
        outbox.append(added.events());
        audit.record(AuditEvent.of("child.add", "child", added.child().id).withDetail("mother", motherId));
        return added.child();
    }

    @Transactional
    public List<Child> children(UUID motherId, Caller actor) {
        beneficiaries.readable(motherId, actor);
        return Child.list("motherId = ?1 and removedAt is null order by birthDate, id", motherId);
    }

    @Transactional
    public Child child(UUID motherId, UUID childId, Caller actor) {
        beneficiaries.readable(motherId, actor);
        return find(motherId, childId);
    }

    @Transactional
    public Child updateChild(UUID motherId, UUID childId, long expectedVersion, HouseholdDtos.UpdateChild r,
            Caller actor) {
        Beneficiary mother = beneficiaries.writable(motherId, actor);
        Child c = find(motherId, childId);
        if (c.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        outbox.append(c.update(facts(r.firstName(), r.lastName(), r.nationalCode(), r.birthDate(), r.gender(),
            r.grade(), Tehran.today(clock)), mother.district));
        audit.record(AuditEvent.of("child.update", "child", c.id));
        return c;
    }

    @Transactional
    public void removeChild(UUID motherId, UUID childId, String reason, Caller actor) {
        beneficiaries.writable(motherId, actor);
        outbox.append(find(motherId, childId).remove(reason, Instant.now(clock)));
        audit.record(AuditEvent.of("child.remove", "child", childId));
    }

    @Transactional
    public Dependant addDependant(UUID beneficiaryId, HouseholdDtos.AddDependant r, Caller actor) {
        beneficiaries.writable(beneficiaryId, actor);
        Dependant d = new Dependant();
        d.id = UUID.randomUUID();
        d.beneficiaryId = beneficiaryId;
        d.fullName = ir.tehran.womenfamily.support.persian.PersianText.normalize(r.fullName());
        d.relation = r.relation();
        d.birthDate = r.birthDate();
        d.persist();
        audit.record(AuditEvent.of("dependant.add", "dependant", d.id).withDetail("beneficiary", beneficiaryId));
        return d;
    }

    @Transactional
    public List<Dependant> dependants(UUID beneficiaryId, Caller actor) {
        beneficiaries.readable(beneficiaryId, actor);
        return Dependant.list("beneficiaryId = ?1 order by fullName, id", beneficiaryId);
    }

    /** On a merge: the children and dependants of {@code from} join the household of {@code to}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DomainEvent> moveHousehold(UUID from, Beneficiary to) {
        List<DomainEvent> events = new ArrayList<>();
        for (Child c : Child.<Child>list("motherId = ?1 and removedAt is null", from)) {
            events.addAll(c.moveTo(to.id, to.district));
        }
        Dependant.update("beneficiaryId = ?1 where beneficiaryId = ?2", to.id, from);
        return events;
    }

    private Child find(UUID motherId, UUID childId) {
        Child c = Child.findById(childId);
        if (c == null || !c.motherId.equals(motherId) || c.isRemoved()) {
            throw ProblemException.notFound("child", childId);
        }
        return c;
    }

    public static Child.Facts facts(String first, String last, String nationalCode, LocalDate birthDate, Child.Gender g,
            Short grade, LocalDate today) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String code = null;
        if (nationalCode != null && !nationalCode.isBlank()) {
            code = NationalCode.canonical(nationalCode).orElse(null);
            if (code == null) {
                errors.add(new ProblemException.FieldError("nationalCode", "validation.national-code"));
            }
        }
        if (birthDate != null && (birthDate.isAfter(today) || !birthDate.isAfter(today.minusYears(20)))) {
            errors.add(new ProblemException.FieldError("birthDate", "validation.child-age"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        return new Child.Facts(first, last, code, birthDate, g, grade);
    }
}
