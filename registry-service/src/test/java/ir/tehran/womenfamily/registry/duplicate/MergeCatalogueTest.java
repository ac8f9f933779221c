package ir.tehran.womenfamily.registry.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * A new table that references a woman cannot be forgotten by the merge: the database catalogue's foreign keys
 * to {@code beneficiary(id)} must be exactly the columns the merge names ({@link MergeMoves#HANDLED} and
 * {@link MergeJournal#LEFT_AS_THEY_ARE}); a uuid column whose name says it holds a woman must have such a key;
 * and every table a merge may change (those, and the tables hanging off them) must carry the journal trigger
 * that lets a split undo the merge.
 */
@QuarkusTest
class MergeCatalogueTest {

    @Inject
    EntityManager em;

    @Inject
    MergeJournal journal;

    @Test
    void everyColumnReferencingAWomanIsHandledByTheMerge() {
        Set<String> catalogue = QuarkusTransaction.requiringNew().call(() -> journal.references().stream()
            .map(MergeJournal.Reference::key).collect(Collectors.toCollection(TreeSet::new)));
        Set<String> named = new TreeSet<>(MergeMoves.HANDLED.keySet());
        named.addAll(MergeJournal.LEFT_AS_THEY_ARE.keySet());
        assertEquals(named, catalogue);
    }

    @Test
    void aColumnNamedForAWomanHasAForeignKey() {
        @SuppressWarnings("unchecked")
        List<Object> unkeyed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select c.table_name || '.' || c.column_name from information_schema.columns c "
                    + "where c.table_schema = current_schema() and c.data_type = 'uuid' "
                    + "and (c.column_name like '%beneficiary%' or c.column_name in ('mother_id', 'woman_id')) "
                    + "and not exists (select 1 from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid "
                    + "and a.attnum = any(k.conkey) where k.contype = 'f' "
                    + "and k.conrelid = cast(c.table_name as regclass) "
                    + "and a.attname = c.column_name and k.confrelid = cast('beneficiary' as regclass))")
            .getResultList());
        assertEquals(List.of(), unkeyed);
    }

    @Test
    void everyTableAMergeMayChangeIsJournaled() {
        @SuppressWarnings("unchecked")
        List<Object> unjournaled = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "with hers as (select distinct conrelid from pg_constraint where contype = 'f' "
                    + "and confrelid = cast('beneficiary' as regclass) "
                    + "union select cast('beneficiary' as regclass)), "
                    + "hanging as (select distinct conrelid from pg_constraint where contype = 'f' "
                    + "and confrelid in (select conrelid from hers) and confrelid <> cast('beneficiary' as regclass)), "
                    + "touched as (select conrelid from hers union select conrelid from hanging) "
                    + "select cast(cast(t.conrelid as regclass) as text) from touched t "
                    + "where cast(cast(t.conrelid as regclass) as text) "
                    + "not in ('beneficiary_merge', 'beneficiary_merge_change') "
                    + "and not exists (select 1 from pg_trigger g where g.tgrelid = t.conrelid "
                    + "and g.tgname = 'merge_journal') order by 1")
            .getResultList());
        assertEquals(List.of(), unjournaled);
    }
}
