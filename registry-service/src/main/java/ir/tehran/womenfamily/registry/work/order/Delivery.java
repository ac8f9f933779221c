package ir.tehran.womenfamily.registry.work.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery of part (or all) of an order from one centre, and the department's verdict on it. */
@Entity
@Table(name = "production_order_delivery")
public class Delivery extends PanacheEntityBase {

    /** Where a delivery stands: waiting for inspection, then accepted or rejected with a reason. */
    @Schema(name = "DeliveryState")
    public enum State { PENDING, ACCEPTED, REJECTED }

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "centre_id", nullable = false)
    public UUID centreId;

    @Column(name = "delivered_on", nullable = false)
    public LocalDate deliveredOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    public String reason;

    @Column(name = "inspected_on")
    public LocalDate inspectedOn;

    @Column(name = "inspected_by")
    public String inspectedBy;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "production_order_delivery_line", joinColumns = @JoinColumn(name = "delivery_id"))
    public List<Line> lines = new ArrayList<>();

    /** Pieces of one order item in the delivery. */
    @Embeddable
    public static class Line {

        @Column(name = "item_id", nullable = false)
        public UUID itemId;

        @Column(nullable = false)
        public int quantity;

        public Line() {
        }

        public Line(UUID itemId, int quantity) {
            this.itemId = itemId;
            this.quantity = quantity;
        }
    }
}
