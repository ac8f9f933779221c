package ir.tehran.womenfamily.registry.work.order;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The part of an order (in pieces) that one centre makes. */
@Entity
@Table(name = "production_order_allocation")
public class Allocation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "centre_id", nullable = false)
    public UUID centreId;

    @Column(nullable = false)
    public int units;

    static Allocation of(UUID orderId, UUID centreId, int units) {
        Allocation a = new Allocation();
        a.id = UUID.randomUUID();
        a.orderId = orderId;
        a.centreId = centreId;
        a.units = units;
        return a;
    }
}
