package ir.tehran.womenfamily.sponsorship.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Needs open against needs met. A need is an active child and a purpose:
 * <ul>
 *   <li>{@code EDUCATION}: every active child (education support is what the programme gives all 15,182);</li>
 *   <li>{@code SCHOOL_FEES}: an active child with a school application under way (or admitted) that has a fee;</li>
 *   <li>{@code COURSE}: an active child enrolled or waitlisted in a programme that has a fee.</li>
 * </ul>
 * A need is met by an active sponsorship of that child for that purpose. {@code GENERAL} pledges meet no
 * particular need; they count in the money columns only. Money is by the child's district and purpose.
 */
@ApplicationScoped
public class CoverageService {

    private static final String NEEDS = """
        with active as (
            select c.id, c.district from child c where c.removed_at is null and c.aged_out_on is null
        ), needs as (
            select a.id as child_id, a.district, 'EDUCATION' as purpose from active a
            union
            select a.id, a.district, 'SCHOOL_FEES' from active a
            where exists (select 1 from school_application s where s.child_id = a.id and s.fee_rials > 0
                          and s.status in ('PLANNED', 'APPLIED', 'EXAM_TAKEN', 'ADMITTED'))
            union
            select a.id, a.district, 'COURSE' from active a
            where exists (select 1 from enrolment e join programme p on p.id = e.programme_id
                          where e.child_id = a.id and p.fee_rials > 0 and e.status in ('ENROLLED', 'WAITLISTED'))
        )
        select n.district, n.purpose, count(*),
               count(*) filter (where exists (select 1 from pledge p where p.child_id = n.child_id
                                              and p.purpose = n.purpose and p.status = 'ACTIVE'))
        from needs n
        where (cast(?1 as smallint) is null or n.district = cast(?1 as smallint))
        group by n.district, n.purpose
        """;

    private static final String MONEY = """
        select c.district, p.purpose, count(*) filter (where p.status = 'ACTIVE'),
               coalesce(sum(p.pledged_rials - p.released_rials), 0), coalesce(sum(p.received_rials), 0),
               coalesce(sum(p.disbursed_rials), 0)
        from pledge p join child c on c.id = p.child_id
        where p.status in ('ACTIVE', 'SUSPENDED', 'ENDED')
          and (cast(?1 as smallint) is null or c.district = cast(?1 as smallint))
        group by c.district, p.purpose
        """;

    private static final String SPONSORS = """
        select b.id, b.kind, b.display_name,
               count(*) filter (where p.status = 'ACTIVE'),
               count(distinct p.child_id) filter (where p.status = 'ACTIVE'),
               coalesce(sum(p.pledged_rials - p.released_rials), 0), coalesce(sum(p.received_rials), 0),
               coalesce(sum(p.disbursed_rials), 0)
        from benefactor b join pledge p on p.sponsor_id = b.id
        where p.status in ('ACTIVE', 'SUSPENDED', 'ENDED')
        group by b.id, b.kind, b.display_name
        order by b.display_name, b.id
        """;

    @Inject
    EntityManager em;

    @Schema(name = "CoverageRow", description = "One district (null: not known) and purpose.")
    public record Row(Short district, String purpose, long needs, long met, long open, long activeSponsorships,
            long pledgedRials, long receivedRials, long disbursedRials) {
    }

    @Schema(name = "Coverage")
    public record Report(long needs, long met, long open, List<Row> rows) {

        /** The rows of the districts a caller may see, with the totals of those rows. */
        public Report within(Scope scope) {
            if (scope.all()) {
                return this;
            }
            List<Row> kept = rows.stream().filter(r -> scope.sees(r.district())).toList();
            long n = kept.stream().mapToLong(Row::needs).sum();
            long m = kept.stream().mapToLong(Row::met).sum();
            return new Report(n, m, n - m, kept);
        }
    }

    @Schema(name = "SponsorCoverage", description = "What one sponsor gives (pledged net of releases).")
    public record SponsorRow(UUID sponsorId, String kind, String displayName, long activeSponsorships,
            long childrenSupported, long pledgedRials, long receivedRials, long disbursedRials) {
    }

    @Transactional
    public Report byDistrictAndPurpose(Short district) {
        Map<String, long[]> cells = new TreeMap<>();
        Map<String, Object[]> keys = new TreeMap<>();
        for (Object[] r : rows(NEEDS, district)) {
            String k = key(r[0], r[1]);
            keys.put(k, new Object[] {r[0], r[1]});
            long[] c = cells.computeIfAbsent(k, x -> new long[6]);
            c[0] = num(r[2]);
            c[1] = num(r[3]);
        }
        for (Object[] r : rows(MONEY, district)) {
            String k = key(r[0], r[1]);
            keys.put(k, new Object[] {r[0], r[1]});
            long[] c = cells.computeIfAbsent(k, x -> new long[6]);
            c[2] = num(r[2]);
            c[3] = num(r[3]);
            c[4] = num(r[4]);
            c[5] = num(r[5]);
        }
        List<Row> out = new ArrayList<>();
        long needs = 0;
        long met = 0;
        for (Map.Entry<String, long[]> e : cells.entrySet()) {
            Object[] k = keys.get(e.getKey());
            long[] c = e.getValue();
            out.add(new Row(k[0] == null ? null : ((Number) k[0]).shortValue(), (String) k[1], c[0], c[1],
                c[0] - c[1], c[2], c[3], c[4], c[5]));
            needs += c[0];
            met += c[1];
        }
        return new Report(needs, met, needs - met, out);
    }

    @Transactional
    public List<SponsorRow> bySponsor() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SPONSORS).getResultList();
        return rows.stream().map(r -> new SponsorRow((UUID) r[0], (String) r[1], (String) r[2], num(r[3]),
            num(r[4]), num(r[5]), num(r[6]), num(r[7]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Short district) {
        return em.createNativeQuery(sql).setParameter(1, district == null ? null : district.intValue())
            .getResultList();
    }

    /** Districts in order (unknown last), then purposes. */
    private static String key(Object district, Object purpose) {
        return String.format("%03d/%s", district == null ? 999 : ((Number) district).intValue(), purpose);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
