package ir.tehran.womenfamily.registry.work.order;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A state a production order reached, who moved it there and when. */
@Entity
@Table(name = "production_order_transition")
public class OrderTransition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "by_user", nullable = false)
    public String by;

    static OrderTransition of(UUID orderId, OrderState state, String by, Instant at) {
        OrderTransition t = new OrderTransition();
        t.id = UUID.randomUUID();
        t.orderId = orderId;
        t.state = state;
        t.by = by;
        t.at = at;
        return t;
    }
}
