package ir.tehran.womenfamily.registry.work.order;

import java.math.BigDecimal;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one woman was paid for her hours on an order. */
@Entity
@Table(name = "production_order_payout")
public class Payout extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(nullable = false, precision = 8, scale = 2)
    public BigDecimal hours;

    @Column(name = "amount_rials", nullable = false)
    public long amountRials;
}
