package ir.tehran.womenfamily.bazaar.sales;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A producer's sales on one day of a bazaar, in rials (an integer). */
@Entity
@Table(name = "sales_report")
@IdClass(SalesReport.Key.class)
public class SalesReport extends PanacheEntityBase {

    @Id
    @Column(name = "bazaar_id")
    public UUID bazaarId;

    @Id
    @Column(name = "business_id")
    public UUID businessId;

    @Id
    public LocalDate day;

    @Column(name = "amount_rials", nullable = false)
    public long amountRials;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID bazaarId;
        public UUID businessId;
        public LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(bazaarId, k.bazaarId) && Objects.equals(businessId,
                k.businessId) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bazaarId, businessId, day);
        }
    }
}
