package ir.tehran.womenfamily.registry.work.order;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import ir.tehran.womenfamily.registry.work.renovation.OrdersOnCentre;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The orders' answer to {@link OrdersOnCentre}: accepted or in production, allocated to the centre. */
@ApplicationScoped
public class OrdersOnCentreQuery implements OrdersOnCentre {

    @Inject
    EntityManager em;

    @Override
    public List<UUID> holdingCapacity(UUID centreId, LocalDate from, LocalDate to) {
        return em.createQuery("select distinct o.id from ProductionOrder o, Allocation a "
                + "where a.orderId = o.id and a.centreId = :centre and o.state in :states "
                + "and o.startDate <= :ends and o.dueDate >= :starts order by o.id", UUID.class)
            .setParameter("centre", centreId).setParameter("states", OrderState.holdingCapacity())
            .setParameter("ends", to).setParameter("starts", from).getResultList();
    }
}
