package ir.tehran.womenfamily.registry.agencysupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.ConsentDtos.AgencyRef;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * What other agencies give a household: recorded, corrected and read under the same need to know as the woman's
 * other records ({@link BeneficiaryService#readable}/{@link BeneficiaryService#writable}, which go through
 * {@code WomanAccess}: a caller who may not see her gets the 404 of nobody), each change and each read audited on
 * {@value #RESOURCE}.
 */
@ApplicationScoped
public class AgencySupportService {

    public static final String RESOURCE = "agency-support";

    /** The longest period the totals are read over, in months. */
    static final int MAX_TOTALS_MONTHS = 120;

    @Inject
    BeneficiaryService beneficiaries;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public AgencySupport record(UUID beneficiaryId, AgencySupportDtos.SupportInput in, Caller actor) {
        beneficiaries.writable(beneficiaryId, actor);
        AgencySupport s = AgencySupport.record(beneficiaryId, facts(in), actor.subject(), Instant.now(clock));
        s.persist();
        audit.record(AuditEvent.of("agency-support.record", RESOURCE, s.id).withPurpose("casework")
            .withDetail("beneficiary", beneficiaryId).withDetail("agency", s.agencyKind.name()));
        return s;
    }

    /**
     * Support an agency itself reported about her (its DCI {@code notify}), recorded as the system: the facts are
     * checked as a caseworker's are, the source is {@code AGENCY}; {@code reference} names the message (audited).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AgencySupport reported(UUID beneficiaryId, AgencySupportDtos.SupportInput in, String by,
            String reference) {
        AgencySupport.Facts f = facts(in);
        AgencySupport s = AgencySupport.record(beneficiaryId, new AgencySupport.Facts(f.agency(), f.kind(),
            f.amountRials(), f.inKindDescription(), f.period(), AgencySupport.Source.AGENCY, f.note()), by,
            Instant.now(clock));
        s.persist();
        audit.record(AuditEvent.of("agency-support.report", RESOURCE, s.id).withPurpose("dci-social-registry")
            .withDetail("beneficiary", beneficiaryId).withDetail("agency", s.agencyKind.name())
            .withDetail("reference", reference));
        return s;
    }

    @Transactional
    public AgencySupport correct(UUID beneficiaryId, UUID id, long expectedVersion,
            AgencySupportDtos.SupportInput in, Caller actor) {
        beneficiaries.writable(beneficiaryId, actor);
        AgencySupport s = find(beneficiaryId, id);
        if (s.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        s.correct(facts(in), actor.subject(), Instant.now(clock));
        audit.record(AuditEvent.of("agency-support.correct", RESOURCE, s.id).withPurpose("casework")
            .withDetail("beneficiary", beneficiaryId).withDetail("agency", s.agencyKind.name()));
        return s;
    }

    @Transactional
    public AgencySupport one(UUID beneficiaryId, UUID id, Caller actor) {
        beneficiaries.readable(beneficiaryId, actor);
        AgencySupport s = find(beneficiaryId, id);
        audit.record(AuditEvent.of("agency-support.read", RESOURCE, s.id).withPurpose("casework"));
        return s;
    }

    /** Her household's support, newest period first. */
    @Transactional
    public List<AgencySupport> list(UUID beneficiaryId, Caller actor) {
        beneficiaries.readable(beneficiaryId, actor);
        List<AgencySupport> all = of(beneficiaryId);
        audit.record(AuditEvent.of("agency-support.list", RESOURCE, null).withPurpose("casework")
            .withDetail("beneficiary", beneficiaryId).withDetail("rows", all.size()));
        return all;
    }

    /** Her household's support, newest period first, for a reader who already passed the access check. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AgencySupport> of(UUID beneficiaryId) {
        return AgencySupport.list("beneficiaryId = ?1 order by periodFrom desc, recordedAt desc, id",
            beneficiaryId);
    }

    /**
     * Per agency, what the household receives within the months of {@code fromText}–{@code toText} (ISO or Jalali
     * days; by default the twelve Jalali months up to this one): rials (each amount times the months it meets the
     * period), support in kind, the months covered and the months another agency covers too.
     */
    @Transactional
    public AgencySupportDtos.Totals totals(UUID beneficiaryId, String fromText, String toText, Caller actor) {
        LocalDate today = Tehran.today(clock);
        LocalDate to = DateInput.optional("to", toText);
        LocalDate from = DateInput.optional("from", fromText);
        JalaliMonths window;
        try {
            LocalDate end = to == null ? today : to;
            LocalDate start = from;
            if (start == null) {
                JalaliDate last = JalaliDate.of(end);
                int index = last.year() * 12 + last.month() - 1 - 11;
                start = new JalaliDate(index / 12, index % 12 + 1, 1).toGregorian();
            }
            if (JalaliMonths.reversed(start, end)) {
                throw ProblemException.invalid("to", "validation.agency-support.range");
            }
            window = JalaliMonths.of(start, end);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(from == null ? "to" : "from", "validation.date");
        }
        if (window.months() > MAX_TOTALS_MONTHS) {
            throw ProblemException.invalid("from", "validation.agency-support.range");
        }
        beneficiaries.readable(beneficiaryId, actor);
        List<AgencySupport> rows = AgencySupport.list("beneficiaryId = ?1 and periodFrom <= ?2 and periodTo >= ?3 "
            + "order by agencyKey, periodFrom, id", beneficiaryId, window.lastDay(), window.firstDay());
        int base = window.fromYear() * 12 + window.fromMonth();
        Map<String, List<AgencySupport>> byAgency = new LinkedHashMap<>();
        Map<String, Set<Integer>> monthsOf = new HashMap<>();
        for (AgencySupport s : rows) {
            byAgency.computeIfAbsent(s.agencyKey, k -> new ArrayList<>()).add(s);
            JalaliMonths p = s.period();
            int first = Math.max(base, p.fromYear() * 12 + p.fromMonth());
            int last = Math.min(window.toYear() * 12 + window.toMonth(), p.toYear() * 12 + p.toMonth());
            Set<Integer> months = monthsOf.computeIfAbsent(s.agencyKey, k -> new HashSet<>());
            for (int m = first; m <= last; m++) {
                months.add(m);
            }
        }
        List<AgencySupportDtos.AgencyTotal> lines = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, List<AgencySupport>> e : byAgency.entrySet()) {
            long rials = 0;
            int inKind = 0;
            for (AgencySupport s : e.getValue()) {
                if (s.amountRials != null) {
                    rials = Math.addExact(rials, Math.multiplyExact(s.amountRials, s.period().overlap(window)));
                } else {
                    inKind++;
                }
            }
            Set<Integer> mine = monthsOf.get(e.getKey());
            Set<Integer> others = new HashSet<>();
            monthsOf.forEach((k, v) -> {
                if (!k.equals(e.getKey())) {
                    others.addAll(v);
                }
            });
            int overlapping = (int) mine.stream().filter(others::contains).count();
            total = Math.addExact(total, rials);
            Agency agency = e.getValue().get(0).agency();
            lines.add(new AgencySupportDtos.AgencyTotal(AgencyRef.of(agency), e.getValue().size(), rials, inKind,
                mine.size(), overlapping));
        }
        audit.record(AuditEvent.of("agency-support.totals", RESOURCE, null).withPurpose("casework")
            .withDetail("beneficiary", beneficiaryId).withDetail("from", window.fromText())
            .withDetail("to", window.toText()));
        return new AgencySupportDtos.Totals(window.fromText(), window.toText(), window.firstDay(),
            Days.jalali(window.firstDay()), window.lastDay(), Days.jalali(window.lastDay()), total, lines);
    }

    private AgencySupport find(UUID beneficiaryId, UUID id) {
        AgencySupport s = AgencySupport.findById(id);
        if (s == null || !s.beneficiaryId.equals(beneficiaryId)) {
            throw ProblemException.notFound("agency-support", id);
        }
        return s;
    }

    /** The request's facts, checked together: one of amount and description, an OTHER agency named, months. */
    private static AgencySupport.Facts facts(AgencySupportDtos.SupportInput in) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        String description = in.inKindDescription() == null || in.inKindDescription().isBlank() ? null
            : PersianText.normalize(in.inKindDescription());
        if ((in.amountRials() == null) == (description == null)) {
            errors.add(new ProblemException.FieldError("amountRials", "validation.agency-support.amount"));
        }
        Agency agency = null;
        try {
            agency = new Agency(in.agency().kind(), in.agency().name());
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldError("agency.name", "validation.agency-support.agency-name"));
        }
        JalaliMonths period = null;
        try {
            if (JalaliMonths.reversed(in.from(), in.to())) {
                errors.add(new ProblemException.FieldError("to", "validation.agency-support.period"));
            } else {
                period = JalaliMonths.of(in.from(), in.to());
            }
        } catch (IllegalArgumentException e) {
            errors.add(new ProblemException.FieldError("from", "validation.date"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", errors);
        }
        String note = in.note() == null || in.note().isBlank() ? null
            : PersianText.normalize(in.note());
        return new AgencySupport.Facts(agency, in.kind(), in.amountRials(), description, period, in.source(), note);
    }
}
