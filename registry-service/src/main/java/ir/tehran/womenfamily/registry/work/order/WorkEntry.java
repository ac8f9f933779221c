package ir.tehran.womenfamily.registry.work.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Hours one woman worked on an order at one centre on one day. */
@Entity
@Table(name = "production_order_work")
public class WorkEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "beneficiary_id", nullable = false)
    public UUID beneficiaryId;

    @Column(name = "centre_id", nullable = false)
    public UUID centreId;

    @Column(name = "work_date", nullable = false)
    public LocalDate workDate;

    @Column(nullable = false, precision = 4, scale = 2)
    public BigDecimal hours;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
