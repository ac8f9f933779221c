package ir.tehran.womenfamily.registry.duplicate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryRegistered;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Finds records that are probably the same woman as a new one: the same name as it sounds and the same birth
 * date, or the same mobile with a similar name (trigram similarity of the sound keys at least {@value #SIMILAR}).
 * A name is compared by its sound key ({@link PersianText#soundKey}, stored as {@code name_sound}, migration V94),
 * the key the name search's sound-alike tier uses: «صدیقه» and «سدیقه», Arabic or Persian letters, with or
 * without ZWNJ, are one name. A pair whose folded names are equal has similarity 1; one that only sounds alike
 * has the trigram similarity of the folded names. They go to the review queue; nothing is merged without a
 * reviewer.
 */
@ApplicationScoped
public class DuplicateDetector {

    @Inject
    Clock clock;

    static final double SIMILAR = 0.5;

    /** Similarity of a stored name to the name of parameters 1 and 2: 1 when their folded names are equal. */
    private static final String FOLDED_SIMILARITY = "case when name_key = ? then 1 else similarity(name_key, ?) end";

    @Inject
    EntityManager em;

    /** A woman just registered (in the registration's transaction): her likely duplicates go to review. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onRegistered(@Observes BeneficiaryRegistered registered) {
        examine(registered.beneficiary());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void examine(Beneficiary b) {
        if (b.birthDate != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> same = em.createNativeQuery("select id, " + FOLDED_SIMILARITY + " from beneficiary "
                    + "where name_sound = ? and birth_date = ? and id <> ? and merged_into is null")
                .setParameter(1, b.nameKey).setParameter(2, b.nameKey).setParameter(3, PersianText.soundKey(b.nameKey))
                .setParameter(4, b.birthDate).setParameter(5, b.id)
                .getResultList();
            for (Object[] row : same) {
                record((UUID) row[0], b.id, DuplicateCandidate.Reason.SAME_NAME_AND_BIRTH_DATE,
                    ((Number) row[1]).floatValue());
            }
        }
        if (b.mobile != null) {
            @SuppressWarnings("unchecked")
            String sound = PersianText.soundKey(b.nameKey);
            List<Object[]> phones = em.createNativeQuery("select id, similarity(name_sound, ?) from beneficiary "
                    + "where mobile = ? and id <> ? and merged_into is null and similarity(name_sound, ?) >= ?")
                .setParameter(1, sound).setParameter(2, b.mobile).setParameter(3, b.id)
                .setParameter(4, sound).setParameter(5, SIMILAR)
                .getResultList();
            for (Object[] row : phones) {
                record((UUID) row[0], b.id, DuplicateCandidate.Reason.SAME_MOBILE_SIMILAR_NAME,
                    ((Number) row[1]).floatValue());
            }
        }
    }

    /**
     * The set-based form of {@link #examine}, for records registered in bulk since {@code since}: one query
     * per rule instead of two per woman.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int examineImportedSince(Instant since) {
        int n = em.createNativeQuery("insert into duplicate_candidate (id, first_id, second_id, reason, similarity, "
                + "state, found_at) select gen_random_uuid(), a.id, b.id, 'SAME_NAME_AND_BIRTH_DATE', "
                + "case when a.name_key = b.name_key then 1 else similarity(a.name_key, b.name_key) end, 'OPEN', now() "
                + "from beneficiary b join beneficiary a "
                + "on a.name_sound = b.name_sound and a.birth_date = b.birth_date "
                + "and a.id <> b.id and (a.registered_at < b.registered_at "
                + "or (a.registered_at = b.registered_at and a.id < b.id)) "
                + "where b.registered_at >= ? and a.merged_into is null and b.merged_into is null "
                + "on conflict (first_id, second_id) do nothing")
            .setParameter(1, java.sql.Timestamp.from(since)).executeUpdate();
        n += em.createNativeQuery("insert into duplicate_candidate (id, first_id, second_id, reason, similarity, "
                + "state, found_at) select gen_random_uuid(), a.id, b.id, 'SAME_MOBILE_SIMILAR_NAME', "
                + "similarity(a.name_sound, b.name_sound), 'OPEN', now() "
                + "from beneficiary b join beneficiary a on a.mobile = b.mobile and a.id <> b.id "
                + "and (a.registered_at < b.registered_at or (a.registered_at = b.registered_at and a.id < b.id)) "
                + "where b.registered_at >= ? and b.mobile is not null and a.merged_into is null "
                + "and b.merged_into is null and similarity(a.name_sound, b.name_sound) >= ? "
                + "on conflict (first_id, second_id) do nothing")
            .setParameter(1, java.sql.Timestamp.from(since)).setParameter(2, SIMILAR).executeUpdate();
        return n;
    }

    private void record(UUID first, UUID second, DuplicateCandidate.Reason reason, float similarity) {
        if (DuplicateCandidate.count("firstId = ?1 and secondId = ?2", first, second) > 0) {
            return;
        }
        DuplicateCandidate c = new DuplicateCandidate();
        c.id = UUID.randomUUID();
        c.firstId = first;
        c.secondId = second;
        c.reason = reason;
        c.similarity = similarity;
        c.state = DuplicateCandidate.State.OPEN;
        c.foundAt = Instant.now(clock);
        c.persist();
    }
}
