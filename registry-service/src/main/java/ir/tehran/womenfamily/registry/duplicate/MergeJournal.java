package ir.tehran.womenfamily.registry.duplicate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The journal of a merge, and the catalogue of what references a woman.
 * <ul>
 *   <li>{@link #start} sets {@code registry.merge_id} for the rest of the transaction: from then on the
 *       {@code merge_journal} trigger of every table a merge touches (migration V65) writes each changed row's
 *       before and after image to {@code beneficiary_merge_change}, whichever code made the change (a service's
 *       entities or {@link MergeMoves}' SQL), in the order the database applied them.</li>
 *   <li>{@link #stop} flushes, checks through the database catalogue that no row references the merged-away
 *       record any more (a table added later and not handled makes every merge fail, 409
 *       {@code merge-incomplete}, instead of leaving her rows behind), and ends the journal.</li>
 *   <li>{@link #undo} replays the journal backwards: an update gets back the columns the merge changed (and
 *       only those: what changed afterwards in other columns stays), a deleted row is inserted again, an
 *       inserted one deleted.</li>
 * </ul>
 */
@ApplicationScoped
public class MergeJournal {

    private static final Logger LOG = Logger.getLogger(MergeJournal.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * Columns referencing a woman that a merge leaves as they are, and why: the record of the merge itself, and
     * the HMAC of her own national code (derived from her row, which stays, by {@code CodeHmacBackfill}).
     * The duplicate candidate the merge was decided on keeps naming both records too (see {@link #stop}).
     */
    public static final Map<String, String> LEFT_AS_THEY_ARE = Map.of(
        "beneficiary_merge.loser_id", "the record of the merge",
        "beneficiary_merge.survivor_id", "the record of the merge",
        "beneficiary_code_hmac.beneficiary_id", "derived from her own row's national code");

    /** A column that references {@code beneficiary(id)}, as the catalogue says. */
    public record Reference(String table, String column) {
        public String key() {
            return table + "." + column;
        }
    }

    /** A row the split changed back: its table, what was undone, and its {@code id} when it has one. */
    public record Restored(String table, char op, UUID id) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private volatile List<Reference> references;
    private final Map<String, List<String>> primaryKeys = new ConcurrentHashMap<>();

    /** Every column with a foreign key to {@code beneficiary(id)}, by table and column name. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Reference> references() {
        if (references == null) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select cast(cl.relname as text), cast(a.attname as text) "
                    + "from pg_constraint c "
                    + "join pg_class cl on cl.oid = c.conrelid "
                    + "join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey) "
                    + "where c.contype = 'f' and c.confrelid = cast('beneficiary' as regclass) order by 1, 2")
                .getResultList();
            references = rows.stream().map(r -> new Reference((String) r[0], (String) r[1])).toList();
        }
        return references;
    }

    /** Journals every change of the tables a merge touches, until {@link #stop}, under {@code mergeId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(UUID mergeId) {
        em.flush();
        setting(mergeId.toString());
    }

    /**
     * Flushes, refuses (409 {@code merge-incomplete}, the transaction rolled back) when any row still references
     * {@code loserId}, and ends the journal.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(UUID loserId, UUID candidateId) {
        em.flush();
        Map<String, Long> left = leftovers(loserId, candidateId);
        if (!left.isEmpty()) {
            LOG.errorf("merge of %s would leave rows behind: %s", loserId, left);
            throw new ProblemException(409, "merge-incomplete");
        }
        setting("");
    }

    /** The rows that still reference {@code id}, by table and column, apart from {@link #LEFT_AS_THEY_ARE}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> leftovers(UUID id, UUID candidateId) {
        Map<String, Long> left = new LinkedHashMap<>();
        for (Reference r : references()) {
            if (LEFT_AS_THEY_ARE.containsKey(r.key())) {
                continue;
            }
            String sql = "select count(*) from " + quote(r.table()) + " where " + quote(r.column()) + " = ?1";
            if (r.table().equals("duplicate_candidate")) {
                sql += " and id <> ?2";
            }
            var q = em.createNativeQuery(sql).setParameter(1, id);
            if (r.table().equals("duplicate_candidate")) {
                q.setParameter(2, candidateId);
            }
            long n = ((Number) q.getSingleResult()).longValue();
            if (n > 0) {
                left.put(r.key(), n);
            }
        }
        return left;
    }

    /**
     * Undoes the merge's journaled changes, newest first, and returns what it changed back. A change that can no
     * longer be undone (a constraint of today's data refuses it) is a 409 {@code split-not-possible}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Restored> undo(UUID mergeId) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> changes = em.createNativeQuery("select table_name, op, cast(old_row as text), "
                + "cast(new_row as text) from beneficiary_merge_change where merge_id = ?1 order by id desc")
            .setParameter(1, mergeId).getResultList();
        List<Restored> restored = new ArrayList<>();
        try {
            for (Object[] c : changes) {
                String table = (String) c[0];
                char op = c[1].toString().charAt(0);
                JsonNode before = parse((String) c[2]);
                JsonNode after = parse((String) c[3]);
                switch (op) {
                    case 'U' -> undoUpdate(table, before, after);
                    case 'D' -> em.createNativeQuery("insert into " + quote(table) + " select * from "
                            + "jsonb_populate_record(cast(null as " + quote(table) + "), cast(?1 as jsonb)) "
                            + "on conflict do nothing")
                        .setParameter(1, before.toString()).executeUpdate();
                    case 'I' -> em.createNativeQuery("delete from " + quote(table)
                            + " t using jsonb_populate_record(cast(null as "
                            + quote(table) + "), cast(?1 as jsonb)) n where " + keyMatch(table))
                        .setParameter(1, after.toString()).executeUpdate();
                    default -> throw new IllegalStateException("unknown journal operation " + op);
                }
                JsonNode row = after != null ? after : before;
                restored.add(new Restored(table, op, row.hasNonNull("id") ? uuidOrNull(row.get("id").asText()) : null));
            }
            em.flush();
        } catch (PersistenceException e) {
            LOG.warnf(e, "merge %s cannot be undone", mergeId);
            throw new ProblemException(409, "split-not-possible");
        }
        return restored;
    }

    private void undoUpdate(String table, JsonNode before, JsonNode after) {
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = before.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("version") && !Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        String set = changed.stream().map(n -> quote(n) + " = r." + quote(n)).collect(Collectors.joining(", "));
        if (before.has("version")) {
            set += ", version = t.version + 1";
        }
        em.createNativeQuery("update " + quote(table) + " t set " + set + " from jsonb_populate_record(cast(null as "
                + quote(table) + "), cast(?1 as jsonb)) r, jsonb_populate_record(cast(null as " + quote(table)
                + "), cast(?2 as jsonb)) n where " + keyMatch(table))
            .setParameter(1, before.toString()).setParameter(2, after.toString()).executeUpdate();
    }

    private String keyMatch(String table) {
        List<String> key = primaryKeys.computeIfAbsent(table, t -> {
            @SuppressWarnings("unchecked")
            List<Object> cols = em.createNativeQuery("select cast(a.attname as text) "
                    + "from pg_index i join pg_attribute a "
                    + "on a.attrelid = i.indrelid and a.attnum = any(i.indkey) "
                    + "where i.indrelid = cast(?1 as regclass) and i.indisprimary order by a.attnum")
                .setParameter(1, t).getResultList();
            if (cols.isEmpty()) {
                throw new IllegalStateException("journaled table " + t + " has no primary key");
            }
            return cols.stream().map(Object::toString).toList();
        });
        return key.stream().map(k -> "t." + quote(k) + " = n." + quote(k)).collect(Collectors.joining(" and "));
    }

    private void setting(String value) {
        em.createNativeQuery("select set_config('registry.merge_id', ?1, true)").setParameter(1, value)
            .getSingleResult();
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable journal row", e);
        }
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String quote(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + identifier);
        }
        return "\"" + identifier + "\"";
    }
}
