package ir.tehran.womenfamily.registry.work.order;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.support.taxonomy.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an order: a product in one size, how many, and the price of one piece in rials. */
@Entity
@Table(name = "production_order_item")
public class OrderItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String product;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Column(name = "size_label")
    public String size;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price_rials", nullable = false)
    public long unitPriceRials;

    /** Quantity times unit price, or a 400 when it does not fit in a rial count. */
    public long amountRials() {
        return Math.multiplyExact((long) quantity, unitPriceRials);
    }
}
