package ir.tehran.womenfamily.sponsorship.child;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.common.ChildDistricts;
import ir.tehran.womenfamily.sponsorship.common.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The roster's answer to {@link ChildDistricts}: a child's district, read without loading her record. */
@ApplicationScoped
public class ChildDistrictQueries implements ChildDistricts {

    @Inject
    EntityManager em;

    @Override
    public List<Short> of(UUID childId) {
        return em.createQuery("select c.district from Child c where c.id = :id", Short.class)
            .setParameter("id", childId).getResultList();
    }

    @Override
    public List<Short> ofChildOf(String entity, UUID id) {
        return em.createQuery("select c.district from " + entity + " x, Child c where x.id = :id "
            + "and c.id = x.childId", Short.class).setParameter("id", id).getResultList();
    }

    @Override
    public Set<UUID> seenBy(Scope scope, Collection<UUID> childIds) {
        return new HashSet<>(em.createQuery("select c.id from Child c where c.id in :ids" + scope.and("c.district"),
            UUID.class).setParameter("ids", childIds).getResultList());
    }
}
