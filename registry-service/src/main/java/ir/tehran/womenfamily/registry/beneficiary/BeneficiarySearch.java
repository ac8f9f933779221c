package ir.tehran.womenfamily.registry.beneficiary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.common.Actor;
import ir.tehran.womenfamily.registry.common.Mobile;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Finding women: exactly by national code or mobile, fuzzily by a Persian name (trigram similarity over
 * the folded name, so Arabic or Persian letters, ZWNJ and digits do not matter), filtered by district,
 * status and support level, in pages with an opaque cursor. Only what the actor may see is returned.
 */
@ApplicationScoped
public class BeneficiarySearch {

    public static final int MAX_LIMIT = 100;

    @Inject
    EntityManager em;

    /** Search criteria, already parsed. */
    public record Criteria(String q, String nationalCode, String mobile, Short district, Beneficiary.Status status,
            Beneficiary.SupportLevel supportLevel, String cursor, int limit) {
    }

    /** One page and the cursor of the next, null at the end. */
    public record Page(List<BeneficiaryDtos.BeneficiarySummary> items, String nextCursor) {
    }

    @Transactional
    public Page search(Criteria c, Actor actor) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (c.nationalCode() != null) {
            String code = NationalCode.canonical(c.nationalCode())
                .orElseThrow(() -> ProblemException.invalid("nationalCode", "validation.national-code"));
            where.append(" and b.national_code = ?");
            params.add(code);
        }
        if (c.mobile() != null) {
            String mobile = Mobile.e164(c.mobile())
                .orElseThrow(() -> ProblemException.invalid("mobile", "validation.mobile"));
            where.append(" and b.mobile = ?");
            params.add(mobile);
        }
        if (c.district() != null) {
            where.append(" and b.district = ?");
            params.add(c.district());
        }
        if (c.status() != null) {
            where.append(" and b.status = ?");
            params.add(c.status().name());
        }
        if (c.supportLevel() != null) {
            where.append(" and b.support_level = ?");
            params.add(c.supportLevel().name());
        }
        if (!actor.isAdmin()) {
            // the districts are integers from the verified token, so they are written into the SQL as such
            String districts = actor.districts().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
            where.append(districts.isEmpty() ? " and (b.created_by = ?)"
                : " and (b.district in (" + districts + ") or b.created_by = ?)");
            params.add(actor.name());
        }
        String key = c.q() == null || c.q().isBlank() ? null : PersianText.matchKey(c.q());
        return key == null ? byId(where, params, c) : byName(where, params, key, c);
    }

    /** Plain listing in id order; the cursor is the last id seen. */
    private Page byId(StringBuilder where, List<Object> params, Criteria c) {
        if (c.cursor() != null) {
            where.append(" and b.id > ?");
            params.add(decodeId(c.cursor()));
        }
        List<Beneficiary> rows = run("select b.* from beneficiary b " + where + " order by b.id limit ?",
            params, c.limit() + 1, Beneficiary.class);
        boolean more = rows.size() > c.limit();
        List<Beneficiary> page = more ? rows.subList(0, c.limit()) : rows;
        List<BeneficiaryDtos.BeneficiarySummary> items = page.stream()
            .map(b -> BeneficiaryMapper.toSummary(b, null)).toList();
        return new Page(items, more ? encode("id:" + page.get(page.size() - 1).id) : null);
    }

    /**
     * By name, nearest first, in two phases. First the women whose folded name, spaces ignored, contains
     * the folded query (shorter names first: the closer the whole name is to the query), which needs no
     * scoring; then, only if they do not fill the page, the fuzzy ones: word-similar to the query (a part
     * of the name or a variant spelling), ranked by trigram word distance. The cursor is an offset into
     * that combined order.
     */
    private Page byName(StringBuilder where, List<Object> params, String key, Criteria c) {
        int offset = c.cursor() == null ? 0 : decodeOffset(c.cursor());
        String contains = "%" + likeEscaped(key.replace(" ", "")) + "%";
        List<Object[]> rows = new ArrayList<>(scored(key,
            "select b.id, b.name_key from beneficiary b " + where + " and b.name_flat like ? "
                + "order by length(b.name_flat), b.id limit ? offset ?",
            params, List.of(contains), c.limit() + 1, offset));
        if (rows.size() <= c.limit()) {
            long exact = rows.isEmpty() ? countContaining(where, params, contains) : offset + rows.size();
            rows.addAll(scored(key,
                "select b.id, b.name_key from beneficiary b " + where + " and ? <% b.name_key "
                    + "and b.name_flat not like ? order by ? <<-> b.name_key, b.id limit ? offset ?",
                params, List.of(key, contains, key), c.limit() + 1 - rows.size(), (int) Math.max(0, offset - exact)));
        }
        boolean more = rows.size() > c.limit();
        List<Object[]> page = more ? rows.subList(0, c.limit()) : rows;
        List<UUID> ids = page.stream().map(r -> (UUID) r[0]).toList();
        java.util.Map<UUID, Beneficiary> byId = ids.isEmpty() ? java.util.Map.of()
            : Beneficiary.<Beneficiary>list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(b -> b.id, b -> b));
        List<BeneficiaryDtos.BeneficiarySummary> items = new ArrayList<>();
        for (Object[] row : page) {
            items.add(BeneficiaryMapper.toSummary(byId.get((UUID) row[0]), ((Number) row[1]).floatValue()));
        }
        return new Page(items, more ? encode("offset:" + (offset + c.limit())) : null);
    }

    /** Runs one phase and scores only the rows it returns: (id, word similarity of the query). */
    private List<Object[]> scored(String key, String phase, List<Object> params, List<Object> extra, int limit,
            int offset) {
        List<Object> all = new ArrayList<>();
        all.add(key);
        all.addAll(params);
        all.addAll(extra);
        all.add(limit);
        all.add(offset);
        Query q = bind(em.createNativeQuery("select p.id, word_similarity(?, p.name_key) from (" + phase + ") p"), all);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows;
    }

    private long countContaining(StringBuilder where, List<Object> params, String contains) {
        List<Object> all = new ArrayList<>(params);
        all.add(contains);
        Query q = bind(em.createNativeQuery("select count(*) from beneficiary b " + where
            + " and b.name_flat like ?"), all);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Binds positional parameters 1..n in order. */
    private static Query bind(Query q, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            q.setParameter(i + 1, values.get(i));
        }
        return q;
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private <T> List<T> run(String sql, List<Object> params, int limit, Class<T> type) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        Query q = bind(em.createNativeQuery(sql, type), all);
        @SuppressWarnings("unchecked")
        List<T> rows = q.getResultList();
        return rows;
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "validation.cursor");
        }
    }

    private static UUID decodeId(String cursor) {
        String s = decode(cursor);
        try {
            if (!s.startsWith("id:")) {
                throw new IllegalArgumentException(s);
            }
            return UUID.fromString(s.substring(3));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "validation.cursor");
        }
    }

    private static int decodeOffset(String cursor) {
        String s = decode(cursor);
        try {
            if (!s.startsWith("offset:")) {
                throw new IllegalArgumentException(s);
            }
            int offset = Integer.parseInt(s.substring(7));
            if (offset < 0 || offset > 10_000) {
                throw new IllegalArgumentException(s);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "validation.cursor");
        }
    }
}
