package ir.tehran.womenfamily.sponsorship.benefactor;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class BenefactorService {

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Benefactor create(BenefactorDtos.NewBenefactor r, String by) {
        Benefactor b = new Benefactor();
        b.id = UUID.randomUUID();
        b.kind = r.kind();
        b.displayName = PersianText.normalize(r.displayName());
        b.nameKey = PersianText.matchKey(r.displayName());
        b.phone = r.phone() == null ? null : PersianText.latinDigits(r.phone()).replaceAll("[ ()-]", "");
        b.email = r.email() == null ? null : r.email().strip().toLowerCase(Locale.ROOT);
        b.createdBy = by;
        b.createdAt = Instant.now(clock);
        setPreferences(b, r.preferences());
        b.persist();
        audit.record(AuditEvent.of("benefactor.create", "benefactor", b.id));
        return b;
    }

    @Transactional
    public Benefactor preferences(UUID id, long expectedVersion, BenefactorDtos.Preferences p) {
        Benefactor b = Benefactor.findById(id);
        if (b == null) {
            throw ProblemException.notFound("benefactor", id);
        }
        if (b.version != expectedVersion) {
            throw ProblemException.preconditionFailed();
        }
        setPreferences(b, p);
        audit.record(AuditEvent.of("benefactor.preferences.update", "benefactor", id));
        Benefactor.flush();
        return b;
    }

    @Transactional
    public Optional<Benefactor> find(UUID id) {
        return Benefactor.findByIdOptional(id);
    }

    /** By name (any spelling: Arabic or Persian letters, with or without ZWNJ), or all. */
    @Transactional
    /**
     * Up to {@code fetch} benefactors whose name matches {@code q} in any spelling (all without it), by name,
     * after the benefactor {@code (afterName, afterId)} of the previous page (none: from the first).
     */
    public List<Benefactor> search(String q, String afterName, UUID afterId, int fetch) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            String key = PersianText.matchKey(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.add("%" + key + "%");
            where.append(" and nameKey like ?1");
        }
        if (afterName != null) {
            params.add(afterName);
            where.append(" and (displayName > ?").append(params.size()).append(" or (displayName = ?")
                .append(params.size());
            params.add(afterId);
            where.append(" and id > ?").append(params.size()).append("))");
        }
        return Benefactor.<Benefactor>find(where + " order by displayName, id", params.toArray()).range(0, fetch - 1)
            .list();
    }

    private static void setPreferences(Benefactor b, BenefactorDtos.Preferences p) {
        if (p == null) {
            b.prefMinAge = null;
            b.prefMaxAge = null;
            b.prefGender = null;
            b.prefDistricts = new ArrayList<>();
            return;
        }
        if (p.minAge() != null && p.maxAge() != null && p.minAge() > p.maxAge()) {
            throw ProblemException.invalid("preferences.maxAge", "validation.max-below-min");
        }
        b.prefMinAge = p.minAge();
        b.prefMaxAge = p.maxAge();
        b.prefGender = p.gender();
        b.prefDistricts = p.districts() == null ? new ArrayList<>()
            : new ArrayList<>(p.districts().stream().distinct().sorted().toList());
    }
}
