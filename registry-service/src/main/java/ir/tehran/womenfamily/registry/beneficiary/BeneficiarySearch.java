package ir.tehran.womenfamily.registry.beneficiary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ir.tehran.womenfamily.registry.access.WomanAccess;
import ir.tehran.womenfamily.support.persian.Misspellings;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.sms.Mobile;
import ir.tehran.womenfamily.support.web.http.Cursor;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Finding women: exactly by national code or mobile, fuzzily by a Persian name (the folded name, so Arabic or
 * Persian letters, ZWNJ and digits do not matter; then letters that sound alike, a clerk's slips and trigram
 * similarity, each ranked below the one before), filtered by district,
 * status and support level, in pages of the shared shape ({@link Page}) with an opaque cursor. Only the women
 * whose profile the actor may open are found, listed or counted ({@link WomanAccess#visibleIn}, the same rule as
 * the profile's), and a cursor holds only what the page just showed her: the id of its last woman (a plain list)
 * or how many results she has read (a name search), never a name or the query.
 */
@ApplicationScoped
public class BeneficiarySearch {

    @Inject
    EntityManager em;

    /** Search criteria, already parsed; {@code page} is the limit and a cursor of two parts. */
    public record Criteria(String q, String nationalCode, String mobile, Short district, Beneficiary.Status status,
            Beneficiary.SupportLevel supportLevel, PageRequest page) {

        int limit() {
            return page.limit();
        }
    }

    private static final String BY_ID = "id";
    private static final String BY_OFFSET = "offset";

    @Transactional
    public Page<BeneficiaryDtos.BeneficiarySummary> search(Criteria c, Caller actor) {
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
        // exactly the women whose profile the actor may open (the one rule, as SQL): never counted otherwise
        WomanAccess.SqlCondition visible = WomanAccess.visibleIn(actor, "b");
        where.append(" and ").append(visible.sql());
        params.addAll(visible.parameters());
        String key = c.q() == null || c.q().isBlank() ? null : PersianText.matchKey(c.q());
        return key == null ? byId(where, params, c) : byName(where, params, key, c);
    }

    /**
     * The ids of the women with these national codes (each canonical, {@link NationalCode#canonical}), by code,
     * only among the women {@code actor} may see: the rule of {@link #search} by code, for many codes in one query
     * (a stack of paper forms). A code nobody has, or that names a woman the actor may not see, is absent.
     */
    @Transactional
    public Map<String, UUID> idsByCode(Collection<String> codes, Caller actor) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        WomanAccess.SqlCondition visible = WomanAccess.visibleIn(actor, "b");
        List<Object> params = new ArrayList<>();
        params.add(textArray(List.copyOf(codes)));
        params.addAll(visible.parameters());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery("select b.national_code, b.id from beneficiary b "
            + "where b.national_code = any(cast(? as char(10)[])) and " + visible.sql()), params).getResultList();
        Map<String, UUID> ids = new HashMap<>();
        rows.forEach(r -> ids.put(r[0].toString().trim(), (UUID) r[1]));
        return ids;
    }

    /** Plain listing in id order; the cursor is the last id seen. */
    private Page<BeneficiaryDtos.BeneficiarySummary> byId(StringBuilder where, List<Object> params, Criteria c) {
        Cursor cursor = c.page().cursor();
        if (cursor != null) {
            if (!BY_ID.equals(cursor.string(0))) {
                throw Cursor.invalid();
            }
            where.append(" and b.id > ?");
            params.add(cursor.uuid(1));
        }
        List<Beneficiary> rows = run("select b.* from beneficiary b " + where + " order by b.id limit ?",
            params, c.limit() + 1, Beneficiary.class);
        boolean more = rows.size() > c.limit();
        List<Beneficiary> page = more ? rows.subList(0, c.limit()) : rows;
        List<BeneficiaryDtos.BeneficiarySummary> items = page.stream()
            .map(b -> BeneficiaryDtos.BeneficiarySummary.of(b, null)).toList();
        return Page.of(items, more ? Cursor.of(BY_ID, page.get(page.size() - 1).id).encode() : null);
    }

    /**
     * By name, nearest first, in five tiers, each asked only when the ones before it do not fill the page,
     * and none repeating a woman an earlier tier found.
     * <ol>
     * <li>The women who carry every word of the query as a word of their name, in any order (the query's
     * neighbouring words may also be joined, and the name's are kept joined too, so a space, a ZWNJ or
     * nothing between two words is one spelling): the exact spelling, and the spellings {@link
     * PersianText#matchKey} folds to it (Arabic letters, ZWNJ, diacritics).</li>
     * <li>Those whose words contain the query's words (a part of a word, typed so far).</li>
     * <li>Those whose name sounds the same: every word of the query's {@link PersianText#soundKey} a word of
     * the name's ({@code sound_terms}, migration V94), so «ذهره» finds «زهره».</li>
     * <li>Those one slip away: every word of the query, or one of the spellings one slip from it
     * ({@link Misspellings#oneSlipFrom}: a keyboard neighbour, a letter left out, a letter doubled), a word of
     * the name's sound key. The candidates are bounded twice: the few hundred spellings of a word are first
     * looked up in the dictionary of words ({@code name_term}, by the index of their sound keys), and only
     * the few that exist are looked up in the GIN index of {@code sound_terms}.</li>
     * <li>The fuzzy ones: every word of the query near a word of the name (trigram word similarity against
     * the dictionary of words, {@code name_term}) and the whole name word-similar to the query.</li>
     * </ol>
     * The first three tiers put shorter names first, the last two the names nearest the query (trigram word
     * distance); ties go by id, so the order is stable. The cursor is an offset into that combined order.
     */
    private Page<BeneficiaryDtos.BeneficiarySummary> byName(StringBuilder where, List<Object> params, String key,
            Criteria c) {
        int offset = offset(c.page().cursor());
        List<String> words = List.of(key.split(" ")).stream().filter(w -> !w.isEmpty()).toList();
        Condition exact = allWords("b.name_terms", words);
        Condition partial = words.stream().map(w -> new Condition("b.name_terms && (select coalesce(array_agg(v.term),"
                + " '{}') from name_term v where v.word and v.term like ?)", List.of("%" + likeEscaped(w) + "%")))
            .reduce(Condition::and).orElseThrow();
        Condition sound = allWords("b.sound_terms", words.stream().map(PersianText::soundKey).toList());
        Condition slip = words.stream().map(w -> new Condition("b.sound_terms && (select coalesce(array_agg("
                + "name_sound(v.term)), '{}') from name_term v where name_sound(v.term) = any(cast(? as text[])))",
                List.<Object>of(textArray(List.copyOf(Misspellings.oneSlipFrom(w))))))
            .reduce(Condition::and).orElseThrow();
        Condition fuzzy = words.stream().map(w -> new Condition("b.name_terms && (select coalesce(array_agg(v.term),"
                + " '{}') from name_term v where v.word and (? <% v.term or v.term <% ?))", List.of(w, w)))
            .reduce(Condition::and).orElseThrow().and(new Condition("? <% b.name_key", List.of(key)));
        String shorterFirst = "length(b.name_flat), b.id";
        String nearestFirst = "? <<-> b.name_key, b.id";
        List<Tier> tiers = List.of(new Tier(exact, shorterFirst, List.of()),
            new Tier(partial.andNot(exact), shorterFirst, List.of()),
            new Tier(sound.andNot(exact).andNot(partial), shorterFirst, List.of()),
            new Tier(slip.andNot(exact).andNot(partial).andNot(sound), nearestFirst, List.of(key)),
            new Tier(fuzzy.andNot(exact).andNot(partial).andNot(sound).andNot(slip), nearestFirst, List.of(key)));
        List<Object[]> rows = new ArrayList<>();
        long before = 0; // how many rows the tiers already asked hold in all
        for (Tier tier : tiers) {
            int wanted = c.limit() + 1 - rows.size();
            if (wanted <= 0) {
                break;
            }
            int skip = (int) Math.max(0, offset - before);
            List<Object[]> found = scored(key, "select b.id, b.name_key from beneficiary b " + where + " and "
                + tier.where().sql() + " order by " + tier.order() + " limit ? offset ?",
                params, tier.parameters(), wanted, skip);
            rows.addAll(found);
            if (found.size() < wanted) {
                before += !found.isEmpty() || skip == 0 ? skip + found.size() : count(where, params, tier.where());
            }
        }
        boolean more = rows.size() > c.limit();
        List<Object[]> page = more ? rows.subList(0, c.limit()) : rows;
        List<UUID> ids = page.stream().map(r -> (UUID) r[0]).toList();
        java.util.Map<UUID, Beneficiary> byId = ids.isEmpty() ? java.util.Map.of()
            : Beneficiary.<Beneficiary>list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(b -> b.id, b -> b));
        List<BeneficiaryDtos.BeneficiarySummary> items = new ArrayList<>();
        for (Object[] row : page) {
            items.add(BeneficiaryDtos.BeneficiarySummary.of(byId.get((UUID) row[0]), ((Number) row[1]).floatValue()));
        }
        return Page.of(items, more ? Cursor.of(BY_OFFSET, offset + c.limit()).encode() : null);
    }

    /** A SQL condition over {@code b} and the values of its parameters, in order. */
    private record Condition(String sql, List<Object> parameters) {
        Condition and(Condition other) {
            return new Condition(sql + " and " + other.sql, concat(parameters, other.parameters));
        }

        Condition andNot(Condition other) {
            return new Condition(sql + " and not (" + other.sql + ")", concat(parameters, other.parameters));
        }

        private static List<Object> concat(List<Object> a, List<Object> b) {
            List<Object> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    /** One tier of the name search: which women, in which order (and the order's parameters). */
    private record Tier(Condition where, String order, List<Object> orderParameters) {
        List<Object> parameters() {
            return Condition.concat(where.parameters(), orderParameters);
        }
    }

    /** Up to this many words, every way of joining neighbouring words of the query is tried as well. */
    private static final int JOINED_WORDS_MAX = 5;

    /**
     * The name's words in {@code column} include every word of the query: as written, or, for short queries,
     * with any neighbouring words joined («رضایی نژاد» also as «رضایینژاد»).
     */
    private static Condition allWords(String column, List<String> words) {
        List<List<String>> spellings = new ArrayList<>();
        if (words.size() > JOINED_WORDS_MAX) {
            spellings.add(words);
        } else {
            for (int joins = 0; joins < 1 << (words.size() - 1); joins++) {
                List<String> spelling = new ArrayList<>();
                StringBuilder word = new StringBuilder(words.get(0));
                for (int i = 1; i < words.size(); i++) {
                    if ((joins & 1 << (i - 1)) != 0) {
                        word.append(words.get(i));
                    } else {
                        spelling.add(word.toString());
                        word = new StringBuilder(words.get(i));
                    }
                }
                spelling.add(word.toString());
                spellings.add(spelling);
            }
        }
        List<Object> arrays = spellings.stream().<Object>map(BeneficiarySearch::textArray).toList();
        String sql = spellings.stream().map(s -> column + " @> cast(? as text[])")
            .collect(java.util.stream.Collectors.joining(" or ", "(", ")"));
        return new Condition(sql, arrays);
    }

    /** A PostgreSQL array literal of texts, each element quoted. */
    private static String textArray(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** Runs one tier and scores only the rows it returns: (id, word similarity of the query). */
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

    private long count(StringBuilder where, List<Object> params, Condition tier) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(tier.parameters());
        Query q = bind(em.createNativeQuery("select count(*) from beneficiary b " + where + " and " + tier.sql()), all);
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

    /** How many results of the name search the caller has read: 0 without a cursor. */
    private static int offset(Cursor cursor) {
        if (cursor == null) {
            return 0;
        }
        if (!BY_OFFSET.equals(cursor.string(0))) {
            throw Cursor.invalid();
        }
        long offset = cursor.longValue(1);
        if (offset < 0 || offset > 10_000) {
            throw Cursor.invalid();
        }
        return (int) offset;
    }
}
