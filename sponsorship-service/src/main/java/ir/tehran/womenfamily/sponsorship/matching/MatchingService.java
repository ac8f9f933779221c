package ir.tehran.womenfamily.sponsorship.matching;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.benefactor.Benefactor;
import ir.tehran.womenfamily.sponsorship.child.Ages;
import ir.tehran.womenfamily.sponsorship.child.Gender;
import ir.tehran.womenfamily.sponsorship.common.Scope;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.sponsorship.pledge.Pledge;
import ir.tehran.womenfamily.sponsorship.pledge.PledgeService;
import ir.tehran.womenfamily.sponsorship.pledge.SponsorChildCode;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Reads the children free for a purpose (active, mother not exited and consenting, no proposal or sponsorship for that
 * purpose) with the facts of their need, runs {@link Matcher}, and holds each matched child with a
 * proposed pledge. A run is one transaction, serialised with other runs by an advisory lock.
 */
@ApplicationScoped
public class MatchingService {

    @Inject
    Audit audit;

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    private static final long MATCHING_LOCK = 0x6d61746368L; // "match"

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PledgeService pledges;

    @Transactional
    public List<Matcher.Match> suggest(UUID sponsorId, Pledge.Purpose purpose, int limit, Scope scope) {
        Benefactor sponsor = Benefactor.findById(sponsorId);
        if (sponsor == null) {
            throw ProblemException.invalid("sponsorId", "validation.unknown-benefactor");
        }
        Matcher.Request request = new Matcher.Request(sponsorId, purpose, preferences(sponsor));
        return Matcher.suggest(request, within(candidates(purpose), scope), limit);
    }

    /** The outcome of a run: per request, the proposal made or nothing. */
    public record Outcome(List<Optional<Matcher.Match>> matches, List<Optional<Pledge>> pledges) {
    }

    @Transactional
    public Outcome run(MatchingDtos.Run run, String by, Scope scope) {
        long started = System.nanoTime();
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, MATCHING_LOCK).getSingleResult();
        Set<UUID> ids = new HashSet<>();
        run.requests().forEach(r -> ids.add(r.sponsorId()));
        Map<UUID, Benefactor> sponsors = new HashMap<>();
        Benefactor.<Benefactor>list("id in ?1", ids).forEach(b -> sponsors.put(b.id, b));
        List<Matcher.Request> requests = new ArrayList<>();
        Set<Pledge.Purpose> purposes = EnumSet.noneOf(Pledge.Purpose.class);
        for (int i = 0; i < run.requests().size(); i++) {
            MatchingDtos.RunRequest r = run.requests().get(i);
            Benefactor sponsor = sponsors.get(r.sponsorId());
            if (sponsor == null) {
                throw ProblemException.invalid("requests[" + i + "].sponsorId", "validation.unknown-benefactor");
            }
            requests.add(new Matcher.Request(sponsor.id, r.terms().purpose(), preferences(sponsor)));
            purposes.add(r.terms().purpose());
        }
        Map<Pledge.Purpose, List<Matcher.Candidate>> pools = candidates(purposes);
        pools.replaceAll((purpose, pool) -> within(pool, scope));
        long read = System.nanoTime();
        List<Optional<Matcher.Match>> matches = Matcher.match(requests, pools);
        long matched = System.nanoTime();
        List<Optional<Pledge>> made = new ArrayList<>(matches.size());
        SponsorChildCode.Batch codes = new SponsorChildCode.Batch(ids);
        for (int i = 0; i < matches.size(); i++) {
            Optional<Matcher.Match> m = matches.get(i);
            if (m.isEmpty()) {
                made.add(Optional.empty());
                continue;
            }
            MatchingDtos.RunRequest r = run.requests().get(i);
            made.add(Optional.of(pledges.create(r.sponsorId(), m.get().child().childId(), r.terms(),
                m.get().reasons(), by, "requests[" + i + "].terms.")));
            codes.of(r.sponsorId(), m.get().child().childId());
        }
        em.flush();
        LOG.infof("matching run of %d requests: candidates read in %d ms, matched in %d ms, "
            + "proposals written in %d ms", requests.size(), (read - started) / 1_000_000, (matched - read) / 1_000_000,
            (System.nanoTime() - matched) / 1_000_000);
        audit.record(AuditEvent.of("matching.run", "matching-run", null));
        return new Outcome(matches, made);
    }

    /** The candidates of the districts the caller may see (an officer matches within her districts). */
    static List<Matcher.Candidate> within(List<Matcher.Candidate> pool, Scope scope) {
        return scope.all() ? pool : pool.stream().filter(c -> scope.sees(c.district())).toList();
    }

    /** Active children free for {@code purpose}, with what the need order reads. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Matcher.Candidate> candidates(Pledge.Purpose purpose) {
        return candidates(EnumSet.of(purpose)).get(purpose);
    }

    /**
     * For each purpose, the active children free for it (mother not exited and consenting to sponsorship, no
     * proposed or active pledge for that purpose), read in one query. A child whose mother has not given the
     * registry's {@code SPONSORSHIP} consent, or revoked it, is never a candidate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Pledge.Purpose, List<Matcher.Candidate>> candidates(Set<Pledge.Purpose> purposes) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
            select c.id, c.birth_date, c.gender, c.district, coalesce(r.at_risk, false), m.support_level,
                   h.held, c.first_seen_at
            from child c
            left join risk_status r on r.child_id = c.id
            join sponsorship_consent sc on sc.mother_id = c.mother_id and sc.active
            left join mother m on m.beneficiary_id = c.mother_id
            left join (select p.child_id, string_agg(p.purpose, ',') as held from pledge p
                       where p.status in ('PROPOSED', 'ACTIVE', 'SUSPENDED') group by p.child_id) h on h.child_id = c.id
            where c.removed_at is null and c.aged_out_on is null
              and (m.status is null or m.status <> 'EXITED')
            """).getResultList();
        LocalDate today = Tehran.today(clock);
        Map<Pledge.Purpose, List<Matcher.Candidate>> out = new EnumMap<>(Pledge.Purpose.class);
        purposes.forEach(p -> out.put(p, new ArrayList<>(rows.size())));
        for (Object[] r : rows) {
            LocalDate birth = r[1] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[1];
            Instant since = r[7] instanceof Timestamp t ? t.toInstant() : (Instant) r[7];
            String held = (String) r[6];
            Matcher.Candidate c = new Matcher.Candidate((UUID) r[0], Ages.ageOn(birth, today),
                Gender.valueOf((String) r[2]), r[3] == null ? null : ((Number) r[3]).shortValue(), (Boolean) r[4],
                r[5] == null ? null : Mother.SupportLevel.valueOf((String) r[5]), held != null, since);
            for (Pledge.Purpose p : purposes) {
                if (held == null || !List.of(held.split(",")).contains(p.name())) {
                    out.get(p).add(c);
                }
            }
        }
        return out;
    }

    static Matcher.Preferences preferences(Benefactor b) {
        return new Matcher.Preferences(b.prefMinAge == null ? null : b.prefMinAge.intValue(),
            b.prefMaxAge == null ? null : b.prefMaxAge.intValue(), b.prefGender,
            b.prefDistricts == null ? Set.of() : Set.copyOf(b.prefDistricts));
    }
}
