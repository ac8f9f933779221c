package ir.tehran.womenfamily.registry.duplicate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Finds records that are probably the same woman as a new one: the same folded name and birth date, or
 * the same mobile with a similar name (trigram similarity at least {@value #SIMILAR}). They go to the
 * review queue; nothing is merged without a reviewer.
 */
@ApplicationScoped
public class DuplicateDetector {

    static final double SIMILAR = 0.5;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void examine(Beneficiary b) {
        if (b.birthDate != null) {
            @SuppressWarnings("unchecked")
            List<Object> same = em.createNativeQuery("select id from beneficiary where name_key = ? and birth_date = ? "
                    + "and id <> ? and merged_into is null")
                .setParameter(1, b.nameKey).setParameter(2, b.birthDate).setParameter(3, b.id)
                .getResultList();
            for (Object other : same) {
                record((UUID) other, b.id, DuplicateCandidate.Reason.SAME_NAME_AND_BIRTH_DATE, 1.0f);
            }
        }
        if (b.mobile != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> phones = em.createNativeQuery("select id, similarity(name_key, ?) from beneficiary "
                    + "where mobile = ? and id <> ? and merged_into is null and similarity(name_key, ?) >= ?")
                .setParameter(1, b.nameKey).setParameter(2, b.mobile).setParameter(3, b.id)
                .setParameter(4, b.nameKey).setParameter(5, SIMILAR)
                .getResultList();
            for (Object[] row : phones) {
                record((UUID) row[0], b.id, DuplicateCandidate.Reason.SAME_MOBILE_SIMILAR_NAME,
                    ((Number) row[1]).floatValue());
            }
        }
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
        c.foundAt = Instant.now();
        c.persist();
    }
}
